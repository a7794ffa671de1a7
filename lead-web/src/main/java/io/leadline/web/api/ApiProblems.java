package io.leadline.web.api;

import io.leadline.core.lead.IllegalStageChangeException;
import io.leadline.core.lead.LeadAlreadyClaimedException;
import io.leadline.web.capture.DuplicateLeadException;
import io.leadline.web.capture.LeadEditing.EditConflictException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every API failure as RFC 9457 problem details: a title, a detail a person can act on, and for bad input an
 * {@code errors} list of {@code {field, reason}}. Nothing is stored when a problem is answered: the services behind
 * the API do their work in one transaction.
 */
@RestControllerAdvice(basePackages = {"io.leadline.web.api", "io.leadline.web.tracking.api"})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiProblems extends ResponseEntityExceptionHandler {

    /** Request attribute: the body ran past its route's limit while read (set by the body-limit filter); the detail. */
    public static final String BODY_TOO_LARGE = "leadline.bodyTooLarge";

    /** Why a JSON string was refused by the text check of every JSON body (TypedTextJson). */
    public static final String CONTROL_CHARACTERS = "Remove the control character (such as NUL): it cannot be stored.";

    static final URI INVALID_INPUT = URI.create("https://leadline.io/problems/invalid-input");
    private static final JsonMapper JSON = new JsonMapper();

    /** One field's problem: {@code items[3].email} and why. */
    public record FieldError(String field, String reason) {}

    /** Input the API refuses: the whole request is refused, with one reason per field. */
    public static class InvalidInputException extends RuntimeException {
        private final HttpStatus status;
        private final List<FieldError> errors;

        public InvalidInputException(HttpStatus status, String detail, List<FieldError> errors) {
            super(detail);
            this.status = status;
            this.errors = List.copyOf(errors);
        }
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return withErrors(ProblemDetail.forStatusAndDetail(e.status, e.getMessage()), e.errors);
    }

    @ExceptionHandler(DuplicateLeadException.class)
    ProblemDetail duplicate(DuplicateLeadException e) {
        ProblemDetail problem = titled(HttpStatus.CONFLICT, "Duplicate lead", e.getMessage());
        e.existingLead().ifPresent(id -> {
            problem.setProperty("existingLeadId", id);
            problem.setProperty("existingLead", "/api/leads/" + id);
        });
        return problem;
    }

    @ExceptionHandler(EditConflictException.class)
    ProblemDetail conflict(EditConflictException e) {
        return titled(
                HttpStatus.CONFLICT,
                "Edit conflict",
                "The lead changed since the version you sent. Read it again and send your change with the new version.");
    }

    @ExceptionHandler({IllegalStageChangeException.class, LeadAlreadyClaimedException.class})
    ProblemDetail stage(RuntimeException e) {
        return titled(HttpStatus.CONFLICT, "Not possible in the lead's stage", e.getMessage());
    }

    /** Two requests stored the same thing at once (say, a lead for one new email): nothing of this one was kept. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail concurrent(DataIntegrityViolationException e) {
        return titled(
                HttpStatus.CONFLICT,
                "Conflict",
                "Another request stored the same lead at the same moment; nothing of this "
                        + "one was kept. Send it again (with the same Idempotency-Key).");
    }

    /** Two requests changed the same lead at once (optimistic lock, lock wait): this one lost and stored nothing. */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ProblemDetail changedMeanwhile(ConcurrencyFailureException e) {
        return titled(
                HttpStatus.CONFLICT,
                "Edit conflict",
                "The lead changed at the same moment by another request; nothing of "
                        + "this one was stored. Read the lead again and send the request again if it still applies.");
    }

    @ExceptionHandler(NoSuchElementException.class)
    ProblemDetail notFound(NoSuchElementException e) {
        return titled(
                HttpStatus.NOT_FOUND,
                "Not found",
                e.getMessage() == null || e.getMessage().startsWith("No value present")
                        ? "There is no such lead."
                        : e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badArgument(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(INVALID_INPUT);
        return problem;
    }

    /** A body that is not JSON of the expected shape, or that ran past the endpoint's size limit while read. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Object tooLarge = request.getAttribute(BODY_TOO_LARGE, WebRequest.SCOPE_REQUEST);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                    .header(HttpHeaders.CONNECTION, "close")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(titled(HttpStatus.CONTENT_TOO_LARGE, "Request too large", tooLarge.toString()));
        }
        if (e.getCause() instanceof JacksonException json && CONTROL_CHARACTERS.equals(json.getOriginalMessage())) {
            ProblemDetail problem = withErrors(
                    ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has 1 invalid field."),
                    List.of(new FieldError(path(json), CONTROL_CHARACTERS)));
            return ResponseEntity.badRequest()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "The body is not JSON of the shape this endpoint takes (see /v3/api-docs).");
        problem.setType(INVALID_INPUT);
        problem.setTitle("Unreadable body");
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getBindingResult()
                .getFieldErrors()
                .forEach(f -> errors.add(new FieldError(f.getField(), f.getDefaultMessage())));
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
        ProblemDetail problem = withErrors(
                ProblemDetail.forStatusAndDetail(
                        HttpStatus.BAD_REQUEST,
                        "The request has " + errors.size()
                                + (errors.size() == 1 ? " invalid field." : " invalid fields.")),
                errors);
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getParameterValidationResults()
                .forEach(r -> r.getResolvableErrors()
                        .forEach(error -> errors.add(
                                new FieldError(r.getMethodParameter().getParameterName(), error.getDefaultMessage()))));
        ProblemDetail problem = withErrors(
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request has invalid parameters."),
                errors);
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** {@code items[3].properties.note} */
    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference step : e.getPath()) {
            if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            } else if (step.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getPropertyName());
            }
        }
        return path.toString();
    }

    private static ProblemDetail withErrors(ProblemDetail problem, List<FieldError> errors) {
        problem.setType(INVALID_INPUT);
        problem.setTitle("Invalid input");
        problem.setProperty("errors", errors);
        return problem;
    }

    private static ProblemDetail titled(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** 401 from the security filters, which run before any controller advice. */
    public static void writeUnauthorized(HttpServletResponse response, String detail) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"leadline\"");
        write(response, HttpStatus.UNAUTHORIZED, detail);
    }

    public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(JSON.writeValueAsString(body));
    }
}
