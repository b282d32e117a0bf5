package nl.duiding.kb.signal;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MinHash over word shingles, for finding near-identical contact texts (template letters, scripted calls).
 *
 * <p>A text becomes lowercase words without accents or punctuation; its shingles are the word pairs (bigrams: a
 * typo or a changed name breaks two shingles, not three). {@value #HASHES} MinHash values are cut into
 * {@value #BANDS} bands of {@value #ROWS} rows; each band is stored as a keyword ({@code bands}) so that Elasticsearch
 * finds texts sharing a band. Two texts with Jaccard similarity s share at least one band with probability
 * 1 − (1 − s³)²⁰: 0.93 at s = 0.5, 0.42 at s = 0.3, 0.15 at s = 0.2. Candidates are then confirmed by the exact
 * Jaccard similarity of their shingle sets.
 */
public final class TextFingerprint {

    static final int BANDS = 20;
    static final int ROWS = 3;
    static final int HASHES = BANDS * ROWS;
    /** Shorter texts ("bezwaar", "graag terugbellen") say too little to call two of them the same template. */
    static final int MIN_WORDS = 5;

    private static final long[] SEEDS = new long[HASHES];
    private static final Pattern ACCENTS = Pattern.compile("\\p{M}+");

    static {
        long seed = 0x5DEECE66DL;
        for (int i = 0; i < HASHES; i++) {
            seed = mix(seed + 0x9E3779B97F4A7C15L);
            SEEDS[i] = seed;
        }
    }

    private TextFingerprint() {
    }

    /** Lowercase words, accents and punctuation removed; placeholders such as [bsn] become plain words. */
    public static List<String> words(String text) {
        if (text == null) {
            return List.of();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        // Decomposing is only needed for accented letters; most contact text is plain ASCII.
        String folded = isAscii(lower) ? lower
                : ACCENTS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean wordChar = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(folded.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /** Hashed word bigrams. */
    public static Set<Long> shingles(String text) {
        return shingles(words(text));
    }

    private static Set<Long> shingles(List<String> words) {
        Set<Long> shingles = new HashSet<>();
        for (int i = 0; i + 1 < words.size(); i++) {
            shingles.add(hash(words.get(i) + ' ' + words.get(i + 1)));
        }
        return shingles;
    }

    /** The band keys to store, e.g. {@code 07:3fa2c1d09b1e}; empty for texts under {@value #MIN_WORDS} words. */
    public static List<String> bands(String text) {
        List<String> words = words(text);
        if (words.size() < MIN_WORDS) {
            return List.of();
        }
        return bands(shingles(words));
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    static List<String> bands(Set<Long> shingles) {
        if (shingles.isEmpty()) {
            return List.of();
        }
        long[] min = new long[HASHES];
        java.util.Arrays.fill(min, Long.MAX_VALUE);
        for (long shingle : shingles) {
            for (int i = 0; i < HASHES; i++) {
                long h = mix(shingle ^ SEEDS[i]);
                if (Long.compareUnsigned(h, min[i]) < 0) {
                    min[i] = h;
                }
            }
        }
        List<String> bands = new ArrayList<>(BANDS);
        for (int b = 0; b < BANDS; b++) {
            long h = b;
            for (int r = 0; r < ROWS; r++) {
                h = mix(h * 31 + min[b * ROWS + r]);
            }
            String hex = Long.toHexString(h & 0xFFFFFFFFFFFFL);
            bands.add((b < 10 ? "0" : "") + b + ":" + "0".repeat(12 - hex.length()) + hex);
        }
        return bands;
    }

    public static double jaccard(Set<Long> a, Set<Long> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        Set<Long> small = a.size() <= b.size() ? a : b;
        Set<Long> large = small == a ? b : a;
        int common = 0;
        for (long x : small) {
            if (large.contains(x)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }

    private static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b;
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** SplitMix64's finaliser: spreads every input bit over the whole word. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
