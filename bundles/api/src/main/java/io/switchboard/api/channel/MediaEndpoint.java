package io.switchboard.api.channel;

import org.osgi.annotation.versioning.ProviderType;

/** One channel's audio inside core's media engine. Closing it frees its resources (ports, buffers). */
@ProviderType
public interface MediaEndpoint extends AutoCloseable {

    /** The endpoint's id, for logs. */
    String id();

    /** The codec the endpoint's audio is in. */
    Codec codec();

    @Override
    void close();
}
