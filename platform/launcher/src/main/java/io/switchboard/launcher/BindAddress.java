package io.switchboard.launcher;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** The {@code --bind} address: an IP literal, never a name (a name would need DNS at start). */
public final class BindAddress {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[\\w.]+)?");

    private BindAddress() {
    }

    public static boolean isLiteral(String text) {
        var ipv4 = IPV4.matcher(text);
        if (ipv4.matches()) {
            for (int group = 1; group <= 4; group++) {
                if (Integer.parseInt(ipv4.group(group)) > 255) {
                    return false;
                }
            }
            return true;
        }
        if (text.contains(":") && IPV6.matcher(text).matches()) {
            try {
                // A string of hex digits and colons is parsed as a literal: no name lookup happens.
                InetAddress.getByName(text);
                return true;
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /** Parses an address that {@link #isLiteral} accepted; no DNS lookup is made for a literal. */
    public static InetAddress parse(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + literal, e);
        }
    }

    public static boolean isWildcard(String literal) {
        return parse(literal).isAnyLocalAddress();
    }

    /** How the address appears in a URL: IPv6 in brackets. */
    public static String forUrl(String host) {
        return host.contains(":") ? "[" + host + "]" : host;
    }
}
