package io.switchboard.corerest.internal;

import io.switchboard.api.journal.Journal;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/** {@code GET /api/v1/journal?after=SEQ&limit=N}, admins, supervisors and QA: entries oldest first. */
@Component(service = Servlet.class)
@HttpWhiteboardServletPattern(JournalServlet.PATH)
@HttpWhiteboardServletName("switchboard-journal")
public final class JournalServlet extends ApiServlet {

    static final String PATH = "/api/v1/journal";

    private static final long serialVersionUID = 1L;

    private final transient Journal journal;

    @Activate
    public JournalServlet(@Reference Journal journal) {
        super(Set.of("GET"));
        this.journal = journal;
    }

    @Override
    protected void handle(HttpServletRequest request, HttpServletResponse response) throws IOException, ApiException {
        Roles.require(request, Roles.JOURNAL, "read the journal");
        if (request.getPathInfo() != null && !"/".equals(request.getPathInfo())) {
            throw ApiException.notFound("There is no " + request.getRequestURI() + " in this API.");
        }
        JournalQuery query = JournalQuery.parse(request.getParameter("after"), request.getParameter("limit"));
        json.write(response, HttpServletResponse.SC_OK, JournalBodies.of(journal.read(query.after(), query.limit())));
    }
}
