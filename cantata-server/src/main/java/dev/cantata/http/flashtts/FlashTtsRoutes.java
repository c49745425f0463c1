package dev.cantata.http.flashtts;

import dev.cantata.audio.Codec;
import dev.cantata.http.ApiException;
import dev.cantata.http.AudioReply;
import dev.cantata.http.ErrorMapper;
import dev.cantata.http.ErrorShape;
import dev.cantata.http.Fields;
import dev.cantata.http.Routes;
import dev.cantata.http.SpeechInputs;
import dev.cantata.language.Language;
import dev.cantata.speech.Level;
import dev.cantata.speech.Speaker;
import dev.cantata.speech.SpeechException;
import dev.cantata.speech.Voice;
import dev.cantata.speech.VoiceProfile;
import dev.cantata.voices.SpeakerLibrary;
import dev.cantata.voices.Voices;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * FlashTTS's speech API: named voices with pitch and speed steps, cloning from a reference recording, several roles
 * in one text, and a persistent speaker library. Audio is 16 kHz mono like Spark's; errors are FastAPI's {@code
 * {"detail": …}}, and 401 is {@code {"error": "Unauthorized"}} as FlashTTS's middleware sends it.
 */
public final class FlashTtsRoutes implements Routes {
    /** Spark-TTS's rate, which FlashTTS clients expect (the seed plays streamed WAV at 16 kHz). */
    public static final int SAMPLE_RATE = 16_000;

    private static final Set<String> PATHS = Set.of(
            "/speak",
            "/clone_voice",
            "/multi_speak",
            "/add_speaker",
            "/delete_speaker",
            "/audio_roles",
            "/server_info");
    private static final Pattern ROLE = Pattern.compile("<role:([^>]*)>");

    // The longest value of each text field, in characters, checked before any work (422 string_too_long). The text
    // itself is SpeechInputs.MAX_TEXT; base64 audio is bounded by the body's limit.
    static final int MAX_NAME = 64;
    static final int MAX_REFERENCE_TEXT = 2_000;

    private final Voices voices;

    public FlashTtsRoutes(Voices voices) {
        this.voices = voices;
    }

    @Override
    public void addTo(JavalinConfig config) {
        config.router.mount(router -> {
            router.post("/speak", this::speak);
            router.post("/clone_voice", this::cloneVoice);
            router.post("/multi_speak", this::multiSpeak);
            router.post("/add_speaker", this::addSpeaker);
            router.post("/delete_speaker", this::deleteSpeaker);
            router.get("/audio_roles", this::audioRoles);
            router.get("/server_info", this::serverInfo);
        });
    }

    @Override
    public List<ErrorShape.Family> errorFamilies() {
        return List.of(ErrorShape.Family.ofPaths("flashtts", PATHS::contains, FlashTtsRoutes::error));
    }

    static void error(Context ctx, ApiException error) {
        if (error.status() == 401) {
            ctx.status(401).json(Map.of("error", "Unauthorized"));
        } else {
            ErrorMapper.FASTAPI.render(ctx, error);
        }
    }

    /** One synthesis request after validation. */
    private record Say(
            String text,
            VoiceProfile voice,
            double pitch,
            double speed,
            boolean stream,
            Codec codec,
            @Nullable Language language) {
        Say with(VoiceProfile other) {
            return new Say(text, other, pitch, speed, stream, codec, language);
        }

        /** With {@code voice}'s profile, and its language unless the request named one. */
        Say with(Voice voice) {
            return new Say(
                    text, voice.profile(), pitch, speed, stream, codec, language != null ? language : voice.language());
        }

        Speaker.Request request(int sampleRate) {
            return new Speaker.Request(text, voice, pitch, speed, sampleRate, language);
        }
    }

    @OpenApi(
            path = "/speak",
            methods = HttpMethod.POST,
            summary = "Speak text with a named voice (FlashTTS)",
            description =
                    "JSON (whatever the Content-Type, as long as it parses as an object; a form too): name (a built-in"
                            + " voice, an OpenAI or Orpheus voice name, or an added speaker), text, pitch and speed (very_low …"
                            + " very_high), stream, response_format (mp3, opus, aac, flac, wav, pcm), and the sampling fields (any"
                            + " value of their type, as upstream; the deterministic engine does not use them). Bools and numbers"
                            + " are read as pydantic reads them (stream: 0, top_k: 50.0). 16 kHz mono.",
            tags = {"FlashTTS"},
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(type = "application/json")),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(type = "audio/mpeg")),
                @OpenApiResponse(status = "400"),
                @OpenApiResponse(status = "422")
            })
    void speak(Context ctx) throws Exception {
        Fields fields = Fields.of(ctx);
        String name = fields.text("name", true, MAX_NAME);
        String text = fields.text("text", true, SpeechInputs.MAX_TEXT);
        Say say = common(fields, text, true);
        SpeechInputs.speakable(ctx, voices, say.text(), "text");
        send(ctx, say.with(voice(name == null ? "" : name)));
    }

    @OpenApi(
            path = "/clone_voice",
            methods = HttpMethod.POST,
            summary = "Speak text in the voice of a reference recording (FlashTTS)",
            description =
                    "Form or multipart: text, reference_audio (base64) or reference_audio_file (wav, mp3, flac, ogg,"
                            + " at least 1 s), reference_text (lets the speaking rate be matched), pitch, speed, stream,"
                            + " response_format, sampling fields. A JSON body with the same fields is accepted too.",
            tags = {"FlashTTS"},
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(type = "audio/mpeg")),
                @OpenApiResponse(status = "400"),
                @OpenApiResponse(status = "422")
            })
    void cloneVoice(Context ctx) throws Exception {
        Fields fields = Fields.of(ctx);
        String text = fields.text("text", true, SpeechInputs.MAX_TEXT);
        String referenceText = fields.text("reference_text", false, MAX_REFERENCE_TEXT);
        Say say = common(fields, text, true);
        SpeechInputs.speakable(ctx, voices, say.text(), "text");
        byte[] audio = SpeechInputs.recording(fields, "reference_audio_file", "reference_audio");
        send(
                ctx,
                say.with(SpeechInputs.match(voices, audio, referenceText, "reference_audio")
                        .profile()));
    }

    @OpenApi(
            path = "/multi_speak",
            methods = HttpMethod.POST,
            summary = "Speak a dialogue: <role:NAME> switches voice (FlashTTS)",
            description = "JSON: text such as \"<role:female>Hi.<role:male>Hello.\", stream, response_format, sampling"
                    + " fields. Text before the first role tag is spoken by the female voice; streamed, each role's sentences"
                    + " leave as they are spoken.",
            tags = {"FlashTTS"},
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(type = "audio/mpeg"))})
    void multiSpeak(Context ctx) throws Exception {
        Fields fields = Fields.of(ctx);
        String text = fields.text("text", true, SpeechInputs.MAX_TEXT);
        Say say = common(fields, text, false);
        List<Map.Entry<Voice, String>> parts = new ArrayList<>();
        Matcher m = ROLE.matcher(say.text());
        int at = 0;
        Voice current = voice("female");
        while (m.find()) {
            addPart(parts, current, say.text().substring(at, m.start()));
            current = voice(m.group(1).strip());
            at = m.end();
        }
        addPart(parts, current, say.text().substring(at));
        if (parts.isEmpty()) {
            throw ApiException.badRequest("text has role tags but nothing to say", "text");
        }
        SpeechInputs.speakable(
                ctx,
                voices,
                String.join("\n", parts.stream().map(Map.Entry::getValue).toList()),
                "text");
        Speaker speaker = voices.speaker();
        AudioReply.Speech dialogue = (sink, gone) -> {
            for (Map.Entry<Voice, String> part : parts) {
                Voice voice = part.getKey();
                Language language = say.language() != null ? say.language() : voice.language();
                speaker.speak(
                        new Speaker.Request(part.getValue(), voice.profile(), 1, 1, SAMPLE_RATE, language), sink, gone);
            }
        };
        reply(ctx, dialogue, say);
    }

    private void reply(Context ctx, AudioReply.Speech speech, Say say) throws Exception {
        if (say.stream()) {
            AudioReply.streamed(ctx, speech, SAMPLE_RATE, say.codec(), voices.codecs());
        } else {
            AudioReply.whole(ctx, speech, SAMPLE_RATE, say.codec(), voices.codecs());
        }
    }

    private static void addPart(List<Map.Entry<Voice, String>> parts, Voice voice, String text) {
        if (!text.isBlank()) {
            parts.add(Map.entry(voice, text.strip()));
        }
    }

    @OpenApi(
            path = "/add_speaker",
            methods = HttpMethod.POST,
            summary = "Add (or replace) a speaker from a recording (FlashTTS)",
            description = "Multipart: name, audio_file (upload) or audio (base64), reference_text. The voice is matched"
                    + " once and kept in the database; it survives restarts.",
            tags = {"FlashTTS"},
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = RoleAnswer.class))})
    void addSpeaker(Context ctx) throws Exception {
        Fields fields = Fields.of(ctx);
        String name = fields.required("name", MAX_NAME);
        String referenceText = fields.text("reference_text", false, MAX_REFERENCE_TEXT);
        fields.check();
        try {
            SpeakerLibrary.checkName(name);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), "name");
        }
        byte[] audio = SpeechInputs.recording(fields, "audio_file", "audio");
        Voices.Match match = SpeechInputs.match(voices, audio, referenceText, "audio_file");
        voices.library()
                .add(
                        new SpeakerLibrary.AddedSpeaker(
                                name, match.profile(), match.analysis().medianF0(), referenceText),
                        audio);
        ctx.json(new RoleAnswer(true, name));
    }

    @OpenApi(
            path = "/delete_speaker",
            methods = HttpMethod.POST,
            summary = "Delete an added speaker (FlashTTS)",
            tags = {"FlashTTS"},
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = RoleAnswer.class))})
    void deleteSpeaker(Context ctx) throws Exception {
        Fields fields = Fields.of(ctx);
        String name = fields.required("name", MAX_NAME);
        fields.check();
        try {
            if (!voices.library().delete(name)) {
                throw ApiException.notFound("\"" + name + "\" is not an added speaker");
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage(), "name");
        }
        ctx.json(new RoleAnswer(true, name));
    }

    /** {@code {"success": true, "role": name}}. */
    public record RoleAnswer(boolean success, String role) {}

    /** {@code {"success": true, "roles": […]}}. */
    public record Roles(boolean success, List<String> roles) {}

    @OpenApi(
            path = "/audio_roles",
            methods = HttpMethod.GET,
            summary = "Every voice name /speak accepts (FlashTTS)",
            tags = {"FlashTTS"},
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = Roles.class))})
    void audioRoles(Context ctx) {
        ctx.json(new Roles(true, voices.library().names()));
    }

    @OpenApi(
            path = "/server_info",
            methods = HttpMethod.GET,
            summary = "Engine, voices and sample rate (FlashTTS)",
            tags = {"FlashTTS"},
            responses = {@OpenApiResponse(status = "200")})
    void serverInfo(Context ctx) throws SpeechException {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("model", "cantata");
        List<Language> languages =
                voices.ready() ? voices.detector().languages().all() : List.of(Language.ENGLISH);
        info.put(
                "engine",
                languages.size() > 1
                        ? "MaryTTS 5.2.1 (cmu-slt-hsmm) for English, espeak-ng for other languages"
                        : "MaryTTS 5.2.1 (cmu-slt-hsmm)");
        info.put("ready", voices.ready());
        Map<String, Voice> roles = voices.library().roles();
        info.put("roles", new ArrayList<>(roles.keySet()));
        info.put(
                "languages",
                languages.stream()
                        .map(l -> Map.of("language", l.tag(), "name", l.name()))
                        .toList());
        info.put("voices", voiceLanguages(roles));
        info.put("sample_rate", SAMPLE_RATE);
        info.put("formats", Arrays.stream(Codec.values()).map(Codec::extension).toList());
        ctx.json(Map.of("success", true, "info", info));
    }

    /** Every role with the language it speaks ("auto": the text's). */
    private static List<Map<String, String>> voiceLanguages(Map<String, Voice> roles) {
        List<Map<String, String>> languages = new ArrayList<>();
        roles.forEach((name, voice) -> languages.add(Map.of("name", name, "language", voice.languageTag())));
        return languages;
    }

    private Voice voice(String name) {
        return voices.library()
                .find(name)
                .orElseThrow(() -> ApiException.badRequest(
                        "\"" + name + "\" is not in the list of existing roles: "
                                + String.join(", ", voices.library().names()),
                        "name"));
    }

    private Say common(Fields fields, @Nullable String text, boolean pitchAndSpeed) throws SpeechException {
        Level pitch = pitchAndSpeed ? fields.choice("pitch", Level.MODERATE, Level::wire) : Level.MODERATE;
        Level speed = pitchAndSpeed ? fields.choice("speed", Level.MODERATE, Level::wire) : Level.MODERATE;
        boolean stream = fields.bool("stream", false);
        Codec codec = fields.choice("response_format", Codec.MP3, Codec::extension);
        String language = fields.text("language", false, MAX_NAME);
        SpeechInputs.samplingFields(fields);
        fields.check();
        return new Say(
                SpeechInputs.text(text, "text"),
                VoiceProfile.NEUTRAL,
                pitch.pitch(),
                speed.speed(),
                stream,
                codec,
                SpeechInputs.language(voices, language, "language"));
    }

    private void send(Context ctx, Say say) throws Exception {
        reply(ctx, AudioReply.Speech.of(voices.speaker(), say.request(SAMPLE_RATE)), say);
    }
}
