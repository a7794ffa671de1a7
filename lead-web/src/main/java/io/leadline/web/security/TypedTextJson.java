package io.leadline.web.security;

import io.leadline.core.importing.CellText;
import io.leadline.web.api.ApiProblems;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Every string read from a JSON body — values and object keys — is refused when it holds a control character other
 * than a tab or line break; the API answers 400 naming the field ({@code ApiProblems}).
 */
@Configuration(proxyBeanMethods = false)
class TypedTextJson {

    @Bean
    JacksonModule typedTextModule() {
        SimpleModule module = new SimpleModule("leadline-typed-text");
        module.addDeserializer(String.class, new ValueDeserializer<String>() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) {
                String value = StringDeserializer.instance.deserialize(p, ctxt);
                if (CellText.hasControlCharacters(value)) {
                    throw InvalidFormatException.from(p, ApiProblems.CONTROL_CHARACTERS, value, String.class);
                }
                return value;
            }
        });
        module.addKeyDeserializer(String.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext ctxt) {
                if (CellText.hasControlCharacters(key)) {
                    throw InvalidFormatException.from(
                            ctxt.getParser(), ApiProblems.CONTROL_CHARACTERS, key, String.class);
                }
                return key;
            }
        });
        return module;
    }
}
