package dev.quarry.spring;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Session per request: gives each request a Quarry session for what it does outside Spring
 * transactions (lazy loading while a view renders, controllers without {@code @Transactional}),
 * committed when the request completes normally, rolled back when it throws, closed either way.
 * Inside a {@code @Transactional} method the transaction's own session is used. Registered by
 * {@code quarry.web.session-per-request=true}.
 */
public class QuarrySessionFilter extends OncePerRequestFilter {
  private final QuarrySessions sessions;

  public QuarrySessionFilter(QuarrySessions sessions) {
    this.sessions = sessions;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      sessions.inRequest(() -> {
        try {
          chain.doFilter(request, response);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        } catch (ServletException e) {
          throw new WrappedServletException(e);
        }
        return null;
      });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    } catch (WrappedServletException e) {
      throw (ServletException) e.getCause();
    }
  }

  /** Carries a checked ServletException through the session's callback, so that it still rolls back. */
  private static final class WrappedServletException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WrappedServletException(ServletException cause) {
      super(cause);
    }
  }
}
