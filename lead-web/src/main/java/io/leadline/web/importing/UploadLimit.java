package io.leadline.web.importing;

import io.leadline.web.i18n.PageMessages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A file over the upload limit: back to the import page with a sentence, not an error page. */
@ControllerAdvice
class UploadLimit {

    private final String limit;

    private final PageMessages messages;

    UploadLimit(@Value("${spring.servlet.multipart.max-file-size:200MB}") String limit, PageMessages messages) {
        this.messages = messages;
        this.limit = limit;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", messages.get("import.tooLarge", limit));
        return "redirect:/imports";
    }
}
