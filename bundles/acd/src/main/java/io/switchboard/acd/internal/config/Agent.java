package io.switchboard.acd.internal.config;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An agent: who takes calls, on which phone, with which skills.
 *
 * @param id              1 to 32 letters and digits; also the agent's console user name
 * @param name            shown to supervisors
 * @param device          {@code sip:<user>} (a registered SIP phone) or {@code card:<channel>}
 * @param skills          skill name ({@code [a-z0-9-]{1,32}}) to level 1–10; sorted by name
 * @param team            the agent's team, or null
 * @param outboundAllowed whether the agent may dial out
 */
public record Agent(String id, String name, String device, Map<String, Integer> skills, String team,
        boolean outboundAllowed) {

    public static final Pattern ID = Pattern.compile("[A-Za-z0-9]{1,32}");
    static final Pattern SIP_DEVICE = Pattern.compile("sip:([A-Za-z0-9][A-Za-z0-9._-]{0,63})");
    static final Pattern CARD_DEVICE = Pattern.compile("card:([0-9]{1,4})");

    public Agent {
        Problems problems = new Problems("agent " + id);
        if (id == null || !ID.matcher(id).matches()) {
            problems.add("the id must be 1 to 32 letters and digits");
        }
        problems.text("name", name);
        if (device == null || !(SIP_DEVICE.matcher(device).matches() || CARD_DEVICE.matcher(device).matches())) {
            problems.add("device '" + device + "' must be 'sip:<user>' or 'card:<channel number>'");
        }
        problems.levels("skills", skills);
        problems.optionalText("team", team);
        problems.check();
        skills = Collections.unmodifiableMap(new TreeMap<>(skills));
    }

    /** The SIP digest user of a {@code sip:} device; empty for a card extension. */
    public Optional<String> sipUser() {
        Matcher sip = SIP_DEVICE.matcher(device);
        return sip.matches() ? Optional.of(sip.group(1)) : Optional.empty();
    }

    /** The agent's level in a skill, 0 without it. */
    public int level(String skill) {
        return skills.getOrDefault(skill, 0);
    }
}
