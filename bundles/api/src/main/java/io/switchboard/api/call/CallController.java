package io.switchboard.api.call;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Anything that drives calls: the IVR, the ACD, a vendor's dialer. A call has one controller at a
 * time, found by its {@value #NAME} service property; when the controller's bundle goes away core
 * parks its calls and hands them, with the events queued meanwhile, to the next service
 * registered under the same name.
 */
@ConsumerType
public interface CallController {

    /** Service property: the controller's stable name ({@code ivr}, {@code acd}, a vendor's name). */
    String NAME = "switchboard.controller";

    /** Delivers one event of a call this controller owns; must return quickly. */
    void onEvent(CallEvent event);
}
