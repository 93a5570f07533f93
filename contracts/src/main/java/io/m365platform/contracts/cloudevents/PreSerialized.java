package io.m365platform.contracts.cloudevents;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanPropertyWriter;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import io.m365platform.contracts.EventJson;
import io.m365platform.contracts.SyncedEntityEvent;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A part of an event that the producer has already serialised with {@link EventJson}'s configuration, e.g. the
 * entity state of a {@link SyncedEntityEvent} (sync-service serialises every state anyway, to hash and store it).
 * {@link CloudEventWriter} then writes those bytes in place of serialising the part again; the payload is the same
 * byte for byte (the contracts' tests hold every synced type to it).
 *
 * @param value the component's value inside the event (the same instance)
 * @param json  its JSON, as {@code EventJson.mapper().writeValueAsBytes(value)} writes it
 */
public record PreSerialized(Object value, byte[] json) {

    private static final ThreadLocal<PreSerialized> CURRENT = new ThreadLocal<>();

    public PreSerialized {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(json, "json");
    }

    /** {@code event} as JSON, with {@code part} (null: none) written from its bytes. */
    static byte[] write(ObjectMapper splicing, Object event, PreSerialized part)
            throws com.fasterxml.jackson.core.JsonProcessingException {
        if (part == null) {
            return splicing.writeValueAsBytes(event);
        }
        CURRENT.set(part);
        try {
            return splicing.writeValueAsBytes(event);
        } finally {
            CURRENT.remove();
        }
    }

    /** The event mapper, whose synced events write a pre-serialised component from its bytes. */
    static ObjectMapper splicingMapper() {
        ObjectMapper mapper = EventJson.newMapper();
        SimpleModule module = new SimpleModule("pre-serialised-parts");
        module.setSerializerModifier(new BeanSerializerModifier() {
            @Override
            public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription bean,
                                                             List<BeanPropertyWriter> properties) {
                if (!SyncedEntityEvent.class.isAssignableFrom(bean.getBeanClass())) {
                    return properties;
                }
                List<BeanPropertyWriter> out = new ArrayList<>(properties.size());
                for (BeanPropertyWriter p : properties) {
                    out.add(new SplicingWriter(p));
                }
                return out;
            }
        });
        return mapper.registerModule(module);
    }

    /** UTF-8 JSON bytes that the generator copies as they are (its unquoted form); quoted forms go the usual way. */
    private static final class RawUtf8 implements com.fasterxml.jackson.core.SerializableString {
        private final byte[] utf8;
        private SerializedString text;

        RawUtf8(byte[] utf8) {
            this.utf8 = utf8;
        }

        private SerializedString text() {
            if (text == null) {
                text = new SerializedString(new String(utf8, StandardCharsets.UTF_8));
            }
            return text;
        }

        @Override
        public String getValue() {
            return text().getValue();
        }

        @Override
        public int charLength() {
            return text().charLength();
        }

        @Override
        public char[] asQuotedChars() {
            return text().asQuotedChars();
        }

        @Override
        public byte[] asUnquotedUTF8() {
            return utf8;
        }

        @Override
        public byte[] asQuotedUTF8() {
            return text().asQuotedUTF8();
        }

        @Override
        public int appendQuotedUTF8(byte[] buffer, int offset) {
            return text().appendQuotedUTF8(buffer, offset);
        }

        @Override
        public int appendQuoted(char[] buffer, int offset) {
            return text().appendQuoted(buffer, offset);
        }

        @Override
        public int appendUnquotedUTF8(byte[] buffer, int offset) {
            if (offset + utf8.length > buffer.length) {
                return -1;
            }
            System.arraycopy(utf8, 0, buffer, offset, utf8.length);
            return utf8.length;
        }

        @Override
        public int appendUnquoted(char[] buffer, int offset) {
            return text().appendUnquoted(buffer, offset);
        }

        @Override
        public int writeQuotedUTF8(java.io.OutputStream out) throws java.io.IOException {
            return text().writeQuotedUTF8(out);
        }

        @Override
        public int writeUnquotedUTF8(java.io.OutputStream out) throws java.io.IOException {
            out.write(utf8);
            return utf8.length;
        }

        @Override
        public int putQuotedUTF8(java.nio.ByteBuffer buffer) throws java.io.IOException {
            return text().putQuotedUTF8(buffer);
        }

        @Override
        public int putUnquotedUTF8(java.nio.ByteBuffer buffer) throws java.io.IOException {
            if (buffer.remaining() < utf8.length) {
                return -1;
            }
            buffer.put(utf8);
            return utf8.length;
        }
    }

    /** Writes the property from the thread's pre-serialised bytes when its value is that part. */
    private static final class SplicingWriter extends BeanPropertyWriter {

        SplicingWriter(BeanPropertyWriter base) {
            super(base);
        }

        @Override
        public void serializeAsField(Object bean, JsonGenerator gen, SerializerProvider prov) throws Exception {
            PreSerialized part = CURRENT.get();
            if (part != null && get(bean) == part.value()) {
                gen.writeFieldName(getName());
                gen.writeRawValue(new RawUtf8(part.json()));
                return;
            }
            super.serializeAsField(bean, gen, prov);
        }
    }
}
