package ai.tradesense.interfaces.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers of the web UI's own files (the page, its scripts and styles), which the container
 * serves anonymously: a Content-Security-Policy that lets the page load only this origin's scripts and
 * styles and talk only to this origin (REST and WebSocket), no sniffing, no framing, UTF-8, and
 * revalidation so a new release is picked up. API answers get theirs from {@link HttpHardening}.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class UiHeaders extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** 'self' in connect-src also admits ws: and wss: to this same host and port (CSP Level 3). */
    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    /** Served by JAX-RS, the WebSocket container or MicroProfile, each with its own headers. */
    private static final List<String> NOT_UI = List.of("/api/", "/ws/", "/health", "/metrics", "/openapi");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (NOT_UI.stream().noneMatch(path::startsWith)) {
            response.setHeader("Content-Security-Policy", POLICY);
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("Cache-Control", "no-cache");
            if (request.isSecure()) {
                response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
            response.setCharacterEncoding("UTF-8");
        }
        chain.doFilter(request, response);
    }
}
