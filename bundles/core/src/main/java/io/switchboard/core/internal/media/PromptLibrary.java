package io.switchboard.core.internal.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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
 * </ul>
 *
 * <p>Thread-safety: safe from any thread; the cache is a ConcurrentHashMap of immutable entries
 * (two threads may both load a changed file; either result is correct).
 */
public final class PromptLibrary {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\-]*(/[A-Za-z0-9_][A-Za-z0-9_.\\-]*)*");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z0-9_\\-]+");
    private static final int MAX_SILENCE_MS = 600_000;

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
     * @param item     a prompt name, {@code tone:ringback}, {@code tone:busy}, {@code moh} or {@code silence:<ms>}
     * @param language the caller's language (a folder name such as {@code en}), or null or empty for none
     * @throws PromptException for an unknown item, or a file that is unreadable or in the wrong format
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
            case "moh":
                Path moh = find("moh", language);
                return moh == null ? generatedMusic : load(moh);
            default:
                break;
        }
        if (item.startsWith("silence:")) {
            return silence(item);
        }
        if (item.startsWith("tone:")) {
            throw new PromptException("unknown tone '" + item + "'; known: tone:ringback, tone:busy");
        }
        if (!NAME.matcher(item).matches() || item.contains("..")) {
            throw new PromptException("invalid prompt name '" + item + "'");
        }
        if (language != null && !LANGUAGE.matcher(language).matches()) {
            throw new PromptException("invalid prompt language '" + language + "'");
        }
        Path file = find(item, language);
        if (file == null) {
            throw new PromptException("unknown prompt '" + item + "'" + (language == null ? "" : " (language " + language + ")")
                    + ": no " + item + ".wav in " + directories);
        }
        return load(file);
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
