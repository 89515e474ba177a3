package io.switchboard.api.alarm;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A health check the alarm bundle polls; each alarm it reports is raised until a later poll no
 * longer reports it, then cleared.
 */
@ConsumerType
public interface AlarmSource {

    /** Service property: the source's name, used in alarm ids and traps. */
    String NAME = "switchboard.alarm.source";

    /** The alarms standing now; empty when all is well. */
    List<Alarm> check();
}
