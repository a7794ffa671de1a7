package io.leadline.web.security;

import io.leadline.web.api.ApiProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body before anything reads it, so no request can fill the heap: a declared length over the
 * route's limit is refused at once (413) without reading a byte; a body sent without a length is counted as it is read
 * and cut off at the limit (the API), or refused (pages and public forms, which browsers always send with a length).
 * Files may be uploaded only to the import page; a multipart body anywhere else is refused (415) before the container
 * parses it. Limits: {@code leadline.limits.*}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestBodyLimits extends OncePerRequestFilter {

    private final long activities;
    private final long api;
    private final long forms;
    private final long tracking;
    private final long pages;
    private final long uploads;

    RequestBodyLimits(
            @Value("${leadline.limits.api-activities:2MB}") DataSize activities,
            @Value("${leadline.limits.api:256KB}") DataSize api,
            @Value("${leadline.limits.public-forms:16KB}") DataSize forms,
            @Value("${leadline.limits.pages:2MB}") DataSize pages,
            @Value("${leadline.limits.tracking:8KB}") DataSize tracking,
            @Value("${spring.servlet.multipart.max-request-size:200MB}") DataSize uploads) {
        this.activities = activities.toBytes();
        this.api = api.toBytes();
        this.forms = forms.toBytes();
        this.tracking = tracking.toBytes();
        this.pages = pages.toBytes();
        this.uploads = uploads.toBytes();
    }

    /** The most bytes a body may have on this route. */
    private long limitFor(String method, String path) {
        if (path.equals("/api/activities")) {
            return activities;
        }
        if (isApi(path)) {
            return api;
        }
        if (path.startsWith("/forms/")) {
            return forms;
        }
        if (path.startsWith("/t/")) {
            return tracking;
        }
        return uploadRoute(method, path) ? uploads : pages;
    }

    private static boolean uploadRoute(String method, String path) {
        return "POST".equals(method) && path.equals("/imports");
    }

    private static boolean isApi(String path) {
        return path.startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        long limit = limitFor(request.getMethod(), path);
        long declared = request.getContentLengthLong();
        String type = request.getContentType();
        if (type != null
                && type.toLowerCase(Locale.ROOT).startsWith("multipart/")
                && !uploadRoute(request.getMethod(), path)) {
            refuse(
                    isApi(path),
                    response,
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "Files can be sent only to the import page.");
            return;
        }
        if (declared > limit) {
            refuse(isApi(path), response, HttpStatus.CONTENT_TOO_LARGE, tooLarge(limit));
            return;
        }
        boolean chunked = declared < 0 && request.getHeader("Transfer-Encoding") != null;
        if (chunked && !isApi(path)) {
            refuse(false, response, HttpStatus.LENGTH_REQUIRED, "Send the body with a Content-Length.");
            return;
        }
        chain.doFilter(chunked ? new Counted(request, limit) : request, response);
    }

    static String tooLarge(long limit) {
        return "The request body is larger than this endpoint takes ("
                + DataSize.ofBytes(limit).toKilobytes() + " KB).";
    }

    private static void refuse(boolean api, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        response.setHeader("Connection", "close");
        if (api) {
            ApiProblems.write(response, status, detail);
            return;
        }
        response.setStatus(status.value());
        response.setContentType("text/plain;charset=UTF-8");
        response.getOutputStream().write(detail.getBytes(StandardCharsets.UTF_8));
    }

    /** A body read through a counter: past the limit, reading fails and the request is marked. */
    private static final class Counted extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream counted;

        Counted(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (counted == null) {
                ServletInputStream in = super.getInputStream();
                counted = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > limit) {
                            setAttribute(ApiProblems.BODY_TOO_LARGE, tooLarge(limit));
                            throw new IOException(tooLarge(limit));
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return counted;
        }
    }
}
