/**
 * Channel drivers: a new kind of line (SIP, a telephony card) feeding calls into core through
 * {@link io.switchboard.api.channel.ChannelHub}, with its audio in core's
 * {@link io.switchboard.api.channel.MediaEngine}. 0.x: may still break.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package io.switchboard.api.channel;
