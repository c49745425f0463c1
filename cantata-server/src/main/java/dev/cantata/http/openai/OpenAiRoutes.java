package dev.cantata.http.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cantata.audio.Codec;
import dev.cantata.http.ApiException;
import dev.cantata.http.AudioReply;
import dev.cantata.http.ErrorShape;
import dev.cantata.http.Fields;
import dev.cantata.http.Routes;
import dev.cantata.http.SpeechInputs;
import dev.cantata.speech.Speaker;
import dev.cantata.speech.Tokenizer;
import dev.cantata.speech.Voice;
import dev.cantata.speech.VoiceProfile;
import dev.cantata.voices.Voices;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * OpenAI's {@code POST /v1/audio/speech} and {@code GET /v1/models}, as the OpenAI SDKs call them with a custom base
 * URL. Any model name is accepted; {@code voice} is a built-in voice, an OpenAI voice name, an added speaker, {@code
 * {"id": name}}, or base64 audio to clone. Audio is 24 kHz mono (OpenAI's {@code pcm} rate). Errors are OpenAI's
 * {@code {"error": {message, type, param, code}}}.
 */
public final class OpenAiRoutes implements Routes {
    public static final int SAMPLE_RATE = 24_000;
    /** The longest {@code input} and {@code instructions}, in characters, as OpenAI's own limit. */
    public static final int MAX_INPUT = 4096;

    /** The longest {@code model} name, and the longest of the choice fields. */
    static final int MAX_MODEL = 256;

    static final int MAX_CHOICE = 100;

    /** OpenAI's speed range; a speed outside it is clamped into it, as FlashTTS does. */
    static final double MIN_SPEED = 0.25;

    static final double MAX_SPEED = 4.0;

    /** The F0 factors Cantata's voices speak at; a pitch outside them is clamped into them. */
    static final double MIN_PITCH = 0.5;

    static final double MAX_PITCH = 2.0;

    private final Voices voices;
    private final InstantSource clock;

    public OpenAiRoutes(Voices voices, InstantSource clock) {
        this.voices = voices;
        this.clock = clock;
    }

    @Override
    public void addTo(JavalinConfig config) {
        config.router.mount(router -> {
            router.post("/v1/audio/speech", this::speech);
            router.get("/v1/models", this::models);
        });
    }

    @Override
    public List<ErrorShape.Family> errorFamilies() {
        return List.of(ErrorShape.Family.ofPaths(
                "openai",
                path -> path.equals("/v1/audio/speech") || path.startsWith("/v1/models"),
                OpenAiRoutes::error));
    }

    static void error(Context ctx, ApiException error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", error.getMessage());
        body.put(
                "type",
                error.status() == 401
                        ? "invalid_request_error"
                        : error.status() >= 500 ? "server_error" : "invalid_request_error");
        body.put("param", error.param());
        body.put("code", error.status() == 401 ? "invalid_api_key" : error.code());
        ctx.status(error.status() == 422 ? 400 : error.status()).json(Map.of("error", body));
    }

    @OpenApi(
            path = "/v1/audio/speech",
            methods = HttpMethod.POST,
            summary = "Create speech (OpenAI-compatible)",
            description =
                    "JSON: model (any name), input (≤ 4096 characters), voice (alloy, ash, ballad, coral, echo, fable,"
                            + " onyx, nova, sage, shimmer, verse, marin, cedar, a Cantata voice, an added speaker, {\"id\": name}, or"
                            + " base64 audio to clone), response_format (mp3, opus, aac, flac, wav, pcm; 24 kHz), speed (0.25–4.0,"
                            + " exact), stream_format (audio or sse), instructions (accepted, not used). Audio is streamed sentence by"
                            + " sentence.",
            tags = {"OpenAI"},
            requestBody = @OpenApiRequestBody(content = @OpenApiContent(type = "application/json")),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(type = "audio/mpeg")),
                @OpenApiResponse(status = "400")
            })
    void speech(Context ctx) throws Exception {
        Fields fields = Fields.of(ctx);
        if (!fields.isJson()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        // input and instructions are measured below, with OpenAI's own words; Fields checks their characters
        String model = fields.text("model", false, MAX_MODEL);
        String input = fields.text("input", false, Integer.MAX_VALUE);
        String format = fields.text("response_format", false, MAX_CHOICE);
        String streamFormat = fields.text("stream_format", false, MAX_CHOICE);
        String instructions = fields.text("instructions", false, Integer.MAX_VALUE);
        // FlashTTS's route clamps both (to 0.25–4 before its steps); Cantata's are exact, clamped to what it speaks
        double speed = fields.clamped("speed", 1.0, MIN_SPEED, MAX_SPEED);
        double pitch = fields.clamped("pitch", 1.0, MIN_PITCH, MAX_PITCH);
        boolean stream = fields.bool("stream", true);
        SpeechInputs.samplingFields(fields);
        rethrowFirst(fields);
        if (model == null || model.isBlank()) {
            throw new ApiException(400, "Missing required parameter: 'model'.", "model", "missing_required_parameter");
        }
        if (input == null || input.isBlank()) {
            throw new ApiException(400, "Missing required parameter: 'input'.", "input", "missing_required_parameter");
        }
        if (input.length() > MAX_INPUT) {
            throw new ApiException(
                    400,
                    "Invalid 'input': string too long. Expected a string with maximum length " + MAX_INPUT
                            + ", but got a string with length " + input.length() + " instead.",
                    "input",
                    "string_above_max_length");
        }
        if (instructions != null && instructions.length() > MAX_INPUT) {
            throw new ApiException(
                    400, "Invalid 'instructions': string too long.", "instructions", "string_above_max_length");
        }
        Codec codec;
        try {
            codec = Codec.parse(format == null ? "mp3" : format);
        } catch (IllegalArgumentException e) {
            throw new ApiException(
                    400,
                    Objects.requireNonNullElse(e.getMessage(), "unsupported response_format"),
                    "response_format",
                    "invalid_value");
        }
        if (streamFormat != null && !streamFormat.equals("audio") && !streamFormat.equals("sse")) {
            throw new ApiException(
                    400, "Invalid value for 'stream_format': use 'audio' or 'sse'.", "stream_format", "invalid_value");
        }
        VoiceProfile voice = voice(fields);
        Speaker.Request request = new Speaker.Request(input, voice, pitch, speed, SAMPLE_RATE);
        Speaker speaker = voices.speaker();
        if ("sse".equals(streamFormat)) {
            AudioReply.events(
                    ctx,
                    speaker,
                    request,
                    codec,
                    voices.codecs(),
                    Tokenizer.tokenize(input).size());
        } else if (stream) {
            AudioReply.streamed(ctx, AudioReply.Speech.of(speaker, request), SAMPLE_RATE, codec, voices.codecs());
        } else {
            AudioReply.whole(ctx, AudioReply.Speech.of(speaker, request), SAMPLE_RATE, codec, voices.codecs());
        }
    }

    /** The voice field: a name, {@code {"id": name}}, or base64 audio to clone. */
    private VoiceProfile voice(Fields fields) throws Exception {
        JsonNode node = fields.node("voice").orElse(null);
        if (node == null) {
            throw new ApiException(400, "Missing required parameter: 'voice'.", "voice", "missing_required_parameter");
        }
        String name;
        if (node.isObject()) {
            JsonNode id = node.get("id");
            if (id == null || !id.isTextual()) {
                throw new ApiException(
                        400, "Invalid 'voice': an object voice needs a string 'id'.", "voice", "invalid_value");
            }
            name = id.asText();
        } else if (node.isTextual()) {
            name = node.asText();
        } else {
            throw new ApiException(400, "Invalid 'voice': expected a string or {\"id\": …}.", "voice", "invalid_type");
        }
        String bad = dev.cantata.http.Text.badCharacter(name);
        if (bad != null) {
            throw new ApiException(400, "Invalid 'voice': it holds " + bad + ".", "voice", "invalid_value");
        }
        java.util.Optional<Voice> named = voices.library().find(name);
        if (named.isPresent()) {
            return named.get().profile();
        }
        if (name.length() < 200) {
            throw new ApiException(
                    400,
                    "Invalid 'voice': \"" + name + "\" is not a voice of this server; use one of "
                            + String.join(", ", voiceNames()) + ", or base64 audio to clone.",
                    "voice",
                    "invalid_value");
        }
        byte[] audio;
        try {
            audio = SpeechInputs.inlineAudio(name, "voice");
        } catch (ApiException e) {
            throw new ApiException(400, e.getMessage(), "voice", "invalid_value");
        }
        try {
            return SpeechInputs.match(voices, audio, null, "voice").profile();
        } catch (ApiException e) {
            throw new ApiException(400, e.getMessage(), "voice", "invalid_value");
        }
    }

    private List<String> voiceNames() {
        List<String> names = new ArrayList<>(dev.cantata.speech.BuiltInVoices.OPENAI_NAMES.keySet());
        names.addAll(voices.library().names());
        return names;
    }

    /** OpenAI reports one problem at a time, as a 400 naming the parameter. */
    private static void rethrowFirst(Fields fields) {
        try {
            fields.check();
        } catch (ApiException e) {
            ApiException.FieldProblem first = e.problems().get(0);
            throw new ApiException(
                    400,
                    "Invalid '" + first.field() + "': " + first.message() + ".",
                    first.field(),
                    first.type().equals("string_too_long") ? "string_above_max_length" : "invalid_value");
        }
    }

    /** One model entry. */
    public record Model(String id, String object, long created, String owned_by) {}

    /** The model list. */
    public record ModelList(String object, List<Model> data) {}

    @OpenApi(
            path = "/v1/models",
            methods = HttpMethod.GET,
            summary = "Models (OpenAI-compatible); any name is accepted by /v1/audio/speech",
            tags = {"OpenAI"},
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = ModelList.class))})
    void models(Context ctx) {
        long created = clock.instant().getEpochSecond();
        List<Model> models = new ArrayList<>();
        for (String id : List.of("cantata", "tts-1", "tts-1-hd", "gpt-4o-mini-tts")) {
            models.add(new Model(id, "model", created, "cantata"));
        }
        ctx.json(new ModelList("list", models));
    }
}
