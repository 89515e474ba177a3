package io.switchboard.acd.internal.rest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Serves {@code /api/v1/acd/agents/{id}/<name>} for the agents servlet, which owns the whole
 * {@code /api/v1/acd/agents/*} pattern (the whiteboard has no pattern for a segment in the middle).
 * The ACD controller registers one service per name with the property {@value #NAME}:
 * {@code state} ({@code POST {"state","reason"?}}) and {@code events} (the agent's SSE stream).
 *
 * <p>Before delegating, the agents servlet has checked that agent {@code agentId} exists (else
 * 404) and nothing else: the implementation checks roles (an agent acting on itself, a
 * supervisor) and methods, and writes the whole response, errors in the API's shape
 * {@code {"error","message"}}. The servlet is registered with async support, so an
 * implementation may {@code startAsync()} for a stream. While no service of a known name is
 * registered (the controller is being updated), the servlet answers 503.
 *
 * <p>Called on HTTP threads, concurrently: implementations must be thread-safe.
 */
public interface AgentSubresource {

    /** Service property: the path segment served, {@code state} or {@code events}. */
    String NAME = "switchboard.acd.agent.subresource";

    void serve(String agentId, HttpServletRequest request, HttpServletResponse response) throws IOException;
}
