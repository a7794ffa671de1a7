package io.leadline.web.errors;

import io.leadline.web.i18n.PageMessages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Two people changed the same thing at the same moment (an optimistic-lock or lock-wait conflict): the one who lost
 * is told so, and nothing of their change was stored (the transaction rolled back). On a lead's action, back to the
 * lead page with the message; elsewhere a 409 page. The API answers its own problem details (ApiProblems, ordered
 * first).
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageConflicts {

    private final PageMessages messages;

    PageConflicts(PageMessages messages) {
        this.messages = messages;
    }

    private static final Pattern LEAD_ACTION = Pattern.compile("^/leads/(\\d+)/.+");

    @ExceptionHandler(ConcurrencyFailureException.class)
    String conflict(
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        Matcher lead = LEAD_ACTION.matcher(
                request.getRequestURI().substring(request.getContextPath().length()));
        if (lead.matches() && "POST".equals(request.getMethod())) {
            redirect.addFlashAttribute("error", messages.get("error.409"));
            return "redirect:/leads/" + lead.group(1);
        }
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("message", messages.get("error.409"));
        return "error/409";
    }
}
