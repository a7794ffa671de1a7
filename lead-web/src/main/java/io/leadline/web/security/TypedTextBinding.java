package io.leadline.web.security;

import io.leadline.core.importing.CellText;
import java.beans.PropertyEditorSupport;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Text with control characters (NUL among them) never reaches a service: on a form it is a field error next to the
 * field ({@code typeMismatch.java.lang.String} in messages.properties), as a request parameter a 400. The JSON API
 * refuses it too ({@link TypedTextJson}).
 */
@ControllerAdvice
class TypedTextBinding {

    @InitBinder
    void refuseControlCharacters(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (CellText.hasControlCharacters(text)) {
                    throw new IllegalArgumentException("The text holds a control character.");
                }
                setValue(text);
            }

            @Override
            public String getAsText() {
                return getValue() == null ? "" : getValue().toString();
            }
        });
    }
}
