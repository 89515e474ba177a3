package io.switchboard.core.internal.call;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks and copies attribute values: strings, numbers, booleans, lists and maps of those. Only
 * plain data survives a controller's upgrade, because the newer bundle's class loader cannot see
 * the older one's classes.
 */
final class PlainData {
    private PlainData() {
    }

    /** An immutable deep copy of {@code value}, or an exception naming the key that is not plain data. */
    static Object copy(String key, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            return plainNumber(key, number);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(copy(key, item));
            }
            return java.util.Collections.unmodifiableList(copy);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String name)) {
                    throw new IllegalArgumentException("attribute " + key + ": map keys must be strings");
                }
                copy.put(name, copy(key + "." + name, entry.getValue()));
            }
            return java.util.Collections.unmodifiableMap(copy);
        }
        throw new IllegalArgumentException("attribute " + key + " is a " + value.getClass().getName()
                + "; only strings, numbers, booleans, lists and maps are kept with a call");
    }

    private static Number plainNumber(String key, Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Double
                || number instanceof Short || number instanceof Byte || number instanceof Float) {
            return number;
        }
        throw new IllegalArgumentException("attribute " + key + " is a " + number.getClass().getName()
                + "; use int, long or double");
    }
}
