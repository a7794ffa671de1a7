import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the model editor page (standard input) and prints its editor form as a URL-encoded body, as a browser would
 * send it unchanged, with the fields named on the command line set: {@code java ModelForm.java fit_3=-20 note=bench}.
 * Only the editor form (the one posting to /settings/model/preview) is read; its checkboxes are sent only if checked.
 */
public class ModelForm {

    private static final Pattern FORM = Pattern.compile("<form[^>]*action=\"/settings/model/preview\"[^>]*>(.*?)</form>", Pattern.DOTALL);
    private static final Pattern FIELD = Pattern.compile("<(input|select|textarea)\\b([^>]*)>(.*?)(?=<(?:input|select|textarea)\\b|</form>|$)",
            Pattern.DOTALL);
    private static final Pattern OPTION = Pattern.compile("<option\\b([^>]*)>", Pattern.DOTALL);

    public static void main(String[] args) throws IOException {
        String page = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
        Matcher form = FORM.matcher(page);
        if (!form.find()) {
            throw new IllegalStateException("no model editor form on the page");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher field = FIELD.matcher(form.group(1));
        while (field.find()) {
            String attributes = field.group(2);
            String name = attribute(attributes, "name");
            if (name == null) {
                continue;
            }
            switch (field.group(1)) {
                case "input" -> {
                    String type = attribute(attributes, "type");
                    if (("checkbox".equals(type) || "radio".equals(type)) && !attributes.contains("checked")) {
                        continue;
                    }
                    fields.put(name, unescape(orEmpty(attribute(attributes, "value"))));
                }
                case "textarea" -> fields.put(name, unescape(field.group(3).substring(0, Math.max(0, field.group(3).indexOf("</textarea>")))));
                default -> {
                    String chosen = null;
                    Matcher option = OPTION.matcher(field.group(3));
                    while (option.find()) {
                        String value = orEmpty(attribute(option.group(1), "value"));
                        if (chosen == null || option.group(1).contains("selected")) {
                            chosen = value;
                        }
                        if (option.group(1).contains("selected")) {
                            break;
                        }
                    }
                    fields.put(name, unescape(orEmpty(chosen)));
                }
            }
        }
        for (String arg : args) {
            int eq = arg.indexOf('=');
            fields.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(name, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        System.out.print(body);
    }

    private static String attribute(String attributes, String name) {
        Matcher m = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"").matcher(attributes);
        return m.find() ? m.group(1) : null;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
