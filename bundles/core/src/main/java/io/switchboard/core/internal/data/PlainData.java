package io.switchboard.core.internal.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks that a map holds only plain data (strings, numbers, booleans, lists and maps of those)
 * that a newer bundle version, a report or a JSON client can read back, and no secret.
 *
 * <p>Callers mask secrets themselves (a PIN is never put in a map; an account is shown as its first
 * and last four digits). Refusing the keys {@code pin}, {@code password} and {@code cardNumber}, at
 * any depth and in any letter case, is only the last line of defence against a forgotten mask:
 * it cannot recognise a secret stored under another name.
 */
public final class PlainData {

    /** Key names that are refused outright, lower case. */
    static final Set<String> SECRET_KEYS = Set.of("pin", "password", "cardnumber");

    private PlainData() {
    }

    /**
     * A copy of {@code data} without its top-level null values (null means absent), after checking
     * every key and value.
     *
     * @param what names the map in the error message ("journal data", "route params")
     * @throws IllegalArgumentException naming the offending key
     */
    public static Map<String, Object> checked(Map<String, ?> data, String what) {
        if (data == null) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : data.entrySet()) {
            check(entry.getKey(), entry.getValue(), what);
            if (entry.getValue() != null) {
                copy.put(entry.getKey(), entry.getValue());
            }
        }
        return copy;
    }

    /**
     * An immutable deep copy of one call attribute's value, checked to be plain data: only plain
     * data survives a controller's upgrade, because the newer bundle's class loader cannot see
     * the older one's classes.
     *
     * @throws IllegalArgumentException naming the key that is not plain data
     */
    public static Object copy(String key, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Double || value instanceof Short
                || value instanceof Byte || value instanceof Float) {
            return value;
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                copy.add(copy(key, item));
            }
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String name)) {
                    throw new IllegalArgumentException("attribute " + key + ": map keys must be strings");
                }
                copy.put(name, copy(key + "." + name, entry.getValue()));
            }
            return Collections.unmodifiableMap(copy);
        }
        throw new IllegalArgumentException("attribute " + key + " is a " + value.getClass().getName()
                + "; only strings, numbers (int, long, double), booleans, lists and maps are kept with a call");
    }

    private static void check(Object key, Object value, String what) {
        if (!(key instanceof String name) || name.isBlank()) {
            throw new IllegalArgumentException(what + " has a key that is not a non-empty string: " + key);
        }
        if (SECRET_KEYS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException(what + " must not contain the key '" + name
                    + "': secrets are masked or left out by the caller");
        }
        checkValue(name, value, what);
    }

    private static void checkValue(String key, Object value, String what) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> check(k, v, what));
        } else if (value instanceof Collection<?> list) {
            list.forEach(v -> checkValue(key, v, what));
        } else {
            throw new IllegalArgumentException(what + " key '" + key + "' holds a "
                    + value.getClass().getSimpleName() + "; only strings, numbers, booleans, lists and maps are allowed");
        }
    }
}
