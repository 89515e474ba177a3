package io.switchboard.core.api;

import java.util.Map;

/**
 * An inbound route: which controller takes calls to a number.
 *
 * @param id               the route's name ({@code 100}, {@code hotline-closed}); letters, digits, {@code . _ -}
 * @param pattern          an exact dialled number, or a prefix ending in {@code *} ({@code *} alone
 *                         matches every number); the longest match wins, an exact one before a prefix
 *                         of the same length
 * @param controller       the controller's name ({@code ivr}, {@code acd}, {@code echo}, a vendor's)
 * @param params           plain values handed to the controller ({@code flow}, {@code queue})
 * @param businessHours    when the route is open, e.g. {@code mon-fri 08:00-20:00; sat 09:00-17:00},
 *                         read in {@code timeZone}; empty = always open
 * @param timeZone         an IANA zone id ({@code Asia/Shanghai}); the hours and holidays are local to it
 * @param holidayCalendar  the holiday calendar that closes the route on its dates, or null
 * @param alternateRouteId where calls go while the route is closed or on a holiday, or null (then
 *                         such calls find no route)
 * @param enabled          a disabled route is as if it did not exist
 */
public record Route(String id, String pattern, String controller, Map<String, Object> params, String businessHours,
        String timeZone, String holidayCalendar, String alternateRouteId, boolean enabled) {
    public Route {
        params = params == null ? Map.of() : Map.copyOf(params);
        businessHours = businessHours == null ? "" : businessHours;
        timeZone = timeZone == null ? "UTC" : timeZone;
    }
}
