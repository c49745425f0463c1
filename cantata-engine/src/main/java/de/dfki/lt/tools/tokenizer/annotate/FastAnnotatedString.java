package de.dfki.lt.tools.tokenizer.annotate;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** The one implementation of {@link AnnotatedString}; runs are kept per key, sorted by start. */
public class FastAnnotatedString implements AnnotatedString {
    private record Run(int start, int end, Object value) {}

    private final String text;
    private final Map<String, TreeMap<Integer, Run>> runs = new HashMap<>();
    private int index;

    public FastAnnotatedString(String text) {
        this.text = text;
    }

    @Override
    public char setIndex(int index) {
        if (index < 0 || index > text.length()) {
            throw new IllegalArgumentException("index " + index + " outside 0.." + text.length());
        }
        this.index = index;
        return index == text.length() ? DONE : text.charAt(index);
    }

    @Override
    public int getIndex() {
        return index;
    }

    @Override
    public Object getAnnotation(String key) {
        Run run = runAt(key, index);
        return run == null ? null : run.value();
    }

    @Override
    public int getRunStart(String key) {
        Run run = runAt(key, index);
        if (run != null) {
            return run.start();
        }
        TreeMap<Integer, Run> keyed = runs.get(key);
        if (keyed == null) {
            return 0;
        }
        Map.Entry<Integer, Run> before = keyed.lowerEntry(index);
        return before == null ? 0 : before.getValue().end();
    }

    @Override
    public int getRunLimit(String key) {
        Run run = runAt(key, index);
        if (run != null) {
            return run.end();
        }
        TreeMap<Integer, Run> keyed = runs.get(key);
        if (keyed == null) {
            return text.length();
        }
        Map.Entry<Integer, Run> after = keyed.higherEntry(index);
        return after == null ? text.length() : after.getKey();
    }

    @Override
    public void annotate(String key, Object value, int start, int end) {
        if (start < 0 || end > text.length() || start >= end) {
            throw new IllegalArgumentException("bad range " + start + ".." + end + " in a string of " + text.length());
        }
        TreeMap<Integer, Run> keyed = runs.computeIfAbsent(key, k -> new TreeMap<>());
        // a new annotation replaces whatever overlapped it under the same key. Runs of one key never overlap, so those
        // are the run just before it (if it reaches in) and the runs starting inside it: found in O(log n) each, so
        // annotating a text token by token stays linear rather than scanning every run each time
        Map.Entry<Integer, Run> before = keyed.lowerEntry(start);
        if (before != null && before.getValue().end() > start) {
            keyed.remove(before.getKey());
        }
        keyed.subMap(start, true, end, false).clear();
        keyed.put(start, new Run(start, end, value));
    }

    @Override
    public String substring(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public String toString() {
        return text;
    }

    private Run runAt(String key, int at) {
        TreeMap<Integer, Run> keyed = runs.get(key);
        if (keyed == null) {
            return null;
        }
        Map.Entry<Integer, Run> floor = keyed.floorEntry(at);
        return floor != null && at < floor.getValue().end() ? floor.getValue() : null;
    }
}
