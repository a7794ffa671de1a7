package io.leadline.web.importing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A file over the upload limit: back to the import page with a sentence, not an error page. */
@ControllerAdvice
class UploadLimit {

    private final String limit;

    UploadLimit(@Value("${spring.servlet.multipart.max-file-size:200MB}") String limit) {
        this.limit = limit;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    String tooLarge(RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", "The file is larger than the " + limit + " Leadline accepts. "
                + "Split it into smaller files, or ask an admin to raise LEADLINE_MAX_UPLOAD.");
        return "redirect:/imports";
    }
}
