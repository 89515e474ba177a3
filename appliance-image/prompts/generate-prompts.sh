#!/usr/bin/env bash
# Generates the shipped number and ACD prompts with espeak-ng and sox:
#   appliance-image/src/main/dist/prompts/<name>.wav        English (the default)
#   appliance-image/src/main/dist/prompts/zh-CN/<name>.wav  Mandarin (Simplified Chinese)
# Every file is 8000 Hz mono G.711 A-law WAV, which the core's WavReader plays without converting,
# with leading and trailing silence trimmed so that prompts played back to back run together.
# The output is reproducible (no dither), so running this again changes no file unless a text,
# a voice or a tool version changed. echo-intro.wav is recorded separately and is left alone.
#
# Usage: appliance-image/prompts/generate-prompts.sh [OUTPUT_DIR]
# Needs: espeak-ng, sox (Debian: apt-get install espeak-ng sox).
#
# How the ACD composes them (the items of one PlayRequest, the same order in both languages):
#   position    acd/position-before, say-number:N, acd/position-after
#               N is the caller's place in the queue, 1 for next. "You are number N in the queue."
#               / 您现在排在第N位，请耐心等候。 (an ordinal: 第二位, so say-number says 2 as 二)
#   wait        acd/wait-before, say-number:M, acd/wait-minutes
#               "Your expected waiting time is about M minutes." / 您预计的等候时间约为M分钟。
#               Under a minute, acd/wait-under-minute alone. Known wrinkle: M = 1 says "one minutes"
#               in English, and M = 2 says 二分钟 rather than the idiomatic 两分钟 in Mandarin.
#   callback    acd/callback-offer-before, digits/<d>   ("... press" / "…请按", then the key)
#               then acd/callback-confirm when the caller accepts, acd/callback-intro on the call back
#   others      acd/no-agents, acd/closed, acd/transfer, each alone
# say-number uses the digits/* prompts below; bundles/core's SpokenNumbers has the rules per language.
#
# Voices: English is espeak-ng's en-gb. Mandarin is cmn-latn-pinyin rather than cmn: espeak-ng 1.51's
# cmn reads the pinyin it looks characters up as English ("hao three" for 好; espeak-ng issues #1236,
# #1370). Both say the same characters; the pinyin voice also lets a text spell a reading out where
# the dictionary picks the wrong one (银行 is yin2 hang2, not yin xing).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here/../src/main/dist/prompts}
english_voice=en-gb
mandarin_voice=cmn-latn-pinyin
speed=150 # words per minute; espeak-ng's default of 175 is fast on a phone line

for tool in espeak-ng sox; do
    command -v "$tool" >/dev/null || { echo "$0: $tool is not installed (apt-get install espeak-ng sox)" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# say VOICE FOLDER NAME TEXT: synthesizes TEXT into FOLDER/NAME.wav
say() {
    local voice=$1 folder=$2 name=$3 text=$4
    local target=$folder/$name.wav
    mkdir -p "$(dirname "$target")"
    espeak-ng -v "$voice" -s "$speed" -w "$work/raw.wav" -- "$text"
    # trim silence at both ends (reverse, trim the start again, reverse back), level to -3 dBFS, 8 kHz A-law
    sox -D -V1 "$work/raw.wav" -r 8000 -c 1 -e a-law -b 8 "$target" \
        silence 1 0.01 0.1% reverse silence 1 0.01 0.1% reverse norm -3
}

english() { say "$english_voice" "$out" "$1" "$2"; }
mandarin() { say "$mandarin_voice" "$out/zh-CN" "$1" "$2"; }

# English numbers: 0-19, the tens, and the scale words (SpokenNumbers.english)
ones=(zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
      sixteen seventeen eighteen nineteen)
for n in "${!ones[@]}"; do
    english "digits/$n" "${ones[$n]}"
done
tens=([20]=twenty [30]=thirty [40]=forty [50]=fifty [60]=sixty [70]=seventy [80]=eighty [90]=ninety)
for n in "${!tens[@]}"; do
    english "digits/$n" "${tens[$n]}"
done
english digits/hundred hundred
english digits/thousand thousand
english digits/million million
english digits/star star
english digits/hash hash

# Mandarin numbers: 零 to 十, 两, and the units (SpokenNumbers.chinese)
hanzi=(零 一 二 三 四 五 六 七 八 九 十)
for n in "${!hanzi[@]}"; do
    mandarin "digits/$n" "${hanzi[$n]}"
done
mandarin digits/liang 两
mandarin digits/hundred 百
mandarin digits/thousand 千
mandarin digits/ten-thousand 万
mandarin digits/hundred-million 亿
mandarin digits/star 星号
mandarin digits/hash 井号

# ACD prompts
english acd/position-before "You are number"
english acd/position-after "in the queue."
english acd/wait-before "Your expected waiting time is about"
english acd/wait-minutes "minutes."
english acd/wait-under-minute "Your expected waiting time is less than one minute."
english acd/callback-offer-before "To keep your place and have us call you back, press"
english acd/callback-confirm "Thank you. We will call you back as soon as an agent is free. Goodbye."
english acd/callback-intro "Hello, this is your bank returning your call. Please hold while we connect you to an agent."
english acd/no-agents "All our agents are busy. Please call again later. Goodbye."
english acd/closed "Our service centre is closed now. Please call again during opening hours. Goodbye."
english acd/transfer "Please hold while we transfer your call."

mandarin acd/position-before "您现在排在第"
mandarin acd/position-after "位，请耐心等候。"
mandarin acd/wait-before "您预计的等候时间约为"
mandarin acd/wait-minutes "分钟。"
mandarin acd/wait-under-minute "您预计的等候时间不到一分钟。"
mandarin acd/callback-offer-before "如果您希望保留排队位置，并由我们给您回电，请按"
mandarin acd/callback-confirm "谢谢您。一有客服人员空闲，我们会尽快给您回电。再见。"
mandarin acd/callback-intro "您好，这里是您的yin2 hang2，现在给您回电。请稍候，我们正在为您转接人工客服。"
mandarin acd/no-agents "所有客服人员都在忙，请稍后再拨。再见。"
mandarin acd/closed "我们的服务中心现已关闭，请在营业时间内再来电。再见。"
mandarin acd/transfer "请稍候，正在为您转接。"

echo "prompts written to $out"
