package io.switchboard.core.internal.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Resolves what a call asks to hear into an {@link AudioSource}: prompt files, call-progress
 * tones, music on hold and silence.
 *
 * <ul>
 *   <li>{@code <name>}: the WAV file {@code <dir>/<language>/<name>.wav}, else {@code <dir>/<name>.wav},
 *       searching the directories in order (the language first in all of them); names may have
 *       folders ({@code digits/5}). Decoded once, kept pre-encoded in PCMU and PCMA, shared by every
 *       call, and read again when the file's modification time or size changes.</li>
 *   <li>{@code tone:ringback}, {@code tone:busy}: one cadence cycle of the {@link Tones} plan.</li>
 *   <li>{@code moh}: the prompt {@code moh} if there is one, else a generated soft tone sequence.</li>
 *   <li>{@code silence:<ms>}: that much silence.</li>
 *   <li>{@code say-number:<n>}: the number n (0 to 999,999,999) spoken the way the language says numbers,
 *       from its {@code digits/*} prompts ({@link SpokenNumbers} has the rules), played as one source.
 *       The spoken form is not cached, only the prompts it is made of: a number is a few kilobytes to
 *       copy, and a changed digit prompt is heard at once.</li>
 * </ul>
 *
 * <p>Thread-safety: safe from any thread; the cache is a ConcurrentHashMap of immutable entries
 * (two threads may both load a changed file; either result is correct).
 */
public final class PromptLibrary {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*(/[A-Za-z0-9_][A-Za-z0-9_.\\-]*)*");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9_\\-]+");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final int MAX_SILENCE_MS = 600_000;
    private static final String SAY_NUMBER = "say-number:";

    private final List<Path> directories;
    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();
    private final AudioSource ringback = PreEncodedAudio.fromLinear(Tones.cadence(Tones.RINGBACK));
    private final AudioSource busy = PreEncodedAudio.fromLinear(Tones.cadence(Tones.BUSY));
    private final AudioSource generatedMusic = PreEncodedAudio.fromLinear(Tones.musicOnHold());

    private record Cached(long modifiedMillis, long size, PreEncodedAudio audio) {
    }

    public PromptLibrary(List<Path> directories) {
        this.directories = List.copyOf(directories);
    }

    /**
     * @param item     a prompt name, {@code tone:ringback}, {@code tone:busy}, {@code moh}, {@code silence:<ms>}
     *                 or {@code say-number:<n>}
     * @param language the caller's language (a folder name such as {@code en}), or null or empty for none
     * @throws PromptException for an unknown item, a number out of range, a missing prompt, or a file that
     *                         is unreadable or in the wrong format
     */
    public AudioSource resolve(String item, String language) {
        if (language != null && language.isEmpty()) {
            language = null;
        }
        if (item == null || item.isEmpty()) {
            throw new PromptException("empty prompt name");
        }
        switch (item) {
            case "tone:ringback":
                return ringback;
            case "tone:busy":
                return busy;
            default:
                break;
        }
        if (item.startsWith("silence:")) {
            return silence(item);
        }
        if (item.startsWith("tone:")) {
            throw new PromptException("unknown tone '" + item + "'; known: tone:ringback, tone:busy");
        }
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            throw new PromptException("invalid prompt language '" + language + "'");
        }
        if (item.equals("moh")) {
            Path moh = find("moh", language);
            return moh == null ? generatedMusic : load(moh);
        }
        if (item.startsWith(SAY_NUMBER)) {
            return sayNumber(item, language);
        }
        if (!NAME.matcher(item).matches() || item.contains("..")) {
            throw new PromptException("invalid prompt name '" + item + "'");
        }
        Path file = find(item, language);
        if (file == null) {
            throw new PromptException(unknown(item, language));
        }
        return load(file);
    }

    private AudioSource sayNumber(String item, String language) {
        int number = number(item);
        List<PreEncodedAudio> parts = new ArrayList<>();
        for (String name : SpokenNumbers.promptNames(number, language)) {
            Path file = find(name, language);
            if (file == null) {
                throw new PromptException("cannot say '" + item + "': " + unknown(name, language));
            }
            parts.add(load(file));
        }
        return PreEncodedAudio.concat(parts);
    }

    private static int number(String item) {
        String digits = item.substring(SAY_NUMBER.length());
        if (!DIGITS.matcher(digits).matches()) {
            throw new PromptException("invalid number in '" + item + "': expected say-number:<n>, n a whole number 0.."
                    + SpokenNumbers.MAX);
        }
        String significant = digits.replaceFirst("^0+(?=.)", "");
        long number = significant.length() > 18 ? Long.MAX_VALUE : Long.parseLong(significant);
        if (number > SpokenNumbers.MAX) {
            throw new PromptException("number out of range in '" + item + "': say-number says 0.." + SpokenNumbers.MAX);
        }
        return (int) number;
    }

    private String unknown(String name, String language) {
        return "unknown prompt '" + name + "'" + (language == null ? "" : " (language " + language + ")")
                + ": no " + name + ".wav in " + directories;
    }

    private Path find(String name, String language) {
        String fileName = name + ".wav";
        if (language != null) {
            for (Path dir : directories) {
                Path candidate = dir.resolve(language).resolve(fileName);
                if (Files.isRegularFile(candidate)) {
                    return candidate;
                }
            }
        }
        for (Path dir : directories) {
            Path candidate = dir.resolve(fileName);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private PreEncodedAudio load(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            long modified = attributes.lastModifiedTime().toMillis();
            Cached cached = cache.get(file);
            if (cached != null && cached.modifiedMillis() == modified && cached.size() == attributes.size()) {
                return cached.audio();
            }
            PreEncodedAudio audio = WavReader.read(file.toString(), Files.readAllBytes(file));
            cache.put(file, new Cached(modified, attributes.size(), audio));
            return audio;
        } catch (NoSuchFileException e) {
            cache.remove(file);
            throw new PromptException(file + ": prompt file disappeared", e);
        } catch (IOException e) {
            throw new PromptException(file + ": cannot read prompt file", e);
        }
    }

    private static AudioSource silence(String item) {
        String millis = item.substring("silence:".length());
        try {
            int ms = Integer.parseInt(millis);
            if (ms < 0 || ms > MAX_SILENCE_MS) {
                throw new PromptException("silence out of range in '" + item + "': 0.." + MAX_SILENCE_MS + " ms");
            }
            return SilenceSource.ofMillis(ms);
        } catch (NumberFormatException e) {
            throw new PromptException("invalid silence '" + item + "': expected silence:<milliseconds>", e);
        }
    }
}
