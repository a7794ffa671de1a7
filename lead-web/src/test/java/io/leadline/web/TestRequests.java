package io.leadline.web;

import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Request tweaks the MockMvc tests share. */
public final class TestRequests {

    private TestRequests() {}

    /** The request comes from this client address (throttles and rate limits count per address). */
    public static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
