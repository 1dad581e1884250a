package ai.tradesense.interfaces.rest.problem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response.Status;

/**
 * Every path under {@code /api} that is not the JAX-RS application ({@code /api/v1}, a longer mapping,
 * wins): a client gets a problem document, never the server's HTML error page.
 */
@WebServlet(name = "api-fallback", urlPatterns = "/api/*")
public class ApiFallbackServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Problem problem = Problem.of(Status.NOT_FOUND, "not-found", "no resource at this path; the API is under /api/v1");
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(problem.toJson(request.getRequestURI()));
    }
}
