package dev.cantata.http.openai;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cantata.audio.Codec;
import dev.cantata.http.ApiException;
import dev.cantata.http.AudioReply;
import dev.cantata.http.ErrorMapper;
import dev.cantata.http.ErrorShape;
import dev.cantata.http.Fields;
import dev.cantata.http.Routes;
import dev.cantata.http.SpeechInputs;
import dev.cantata.http.Text;
import dev.cantata.language.Language;
import dev.cantata.speech.BuiltInVoices;
import dev.cantata.speech.Speaker;
import dev.cantata.speech.Tokenizer;
import dev.cantata.speech.Voice;
import dev.cantata.voices.SpeakerLibrary;
import dev.cantata.voices.Voices;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiParam;
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
            router.get("/v1/models/<id>", this::model); // <id>: a model id may hold slashes
            router.get("/v1/audio/models", this::audioModels);
            router.get("/v1/audio/voices", this::voices);
        });
    }

    /**
     * Every {@code /v1/} path answers in OpenAI's shape, unknown ones and wrong methods included (the OpenAI SDKs read
     * no other); a family that claims a path there (suno-api's {@code /v1/chat/completions}) keeps its own.
     */
    @Override
    public List<ErrorShape.Family> errorFamilies() {
        return List.of(ErrorShape.Family.fallbackFor("openai", path -> path.startsWith("/v1/"), OpenAiRoutes::error));
    }

    static void error(Context ctx, ApiException error) {
        Map<String, Object> body = new LinkedHashMap<>();
        String code = error.code();
        if (ErrorMapper.UNKNOWN_ROUTE.equals(code) || ErrorMapper.WRONG_METHOD.equals(code)) {
            // OpenAI's own words for these; it sends no code with them
            body.put(
                    "message",
                    (ErrorMapper.UNKNOWN_ROUTE.equals(code) ? "Invalid URL (" : "Invalid method for URL (")
                            + ctx.method() + " " + ctx.path() + ")");
            body.put("type", "invalid_request_error");
            body.put("param", null);
            body.put("code", null);
            ctx.status(error.status()).json(Map.of("error", body));
            return;
        }
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
                            + " exact; outside clamped, as FlashTTS clamps), pitch (F0 × 0.5–2.0, clamped), stream (default true),"
                            + " stream_format (audio or sse), language or lang_code (not OpenAI's: zh, de, ja…; default: found from"
                            + " the text, or the voice's), instructions and the sampling fields (accepted, not used). Audio is"
                            + " streamed sentence by sentence. A body that parses as a JSON object is JSON whatever its Content-Type;"
                            + " bools and numbers are read as pydantic reads them (stream: 0, \"4.0\").",
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
        // not OpenAI's: Kokoro-FastAPI's lang_code and the language field other servers take
        String language = fields.text("language", false, MAX_CHOICE);
        String langCode = fields.text("lang_code", false, MAX_CHOICE);
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
        SpeechInputs.speakable(ctx, voices, input, "input");
        Language asked = SpeechInputs.language(voices, language != null ? language : langCode, "language");
        Voice voice = voice(fields);
        Speaker.Request request = new Speaker.Request(
                input, voice.profile(), pitch, speed, SAMPLE_RATE, asked != null ? asked : voice.language());
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
    private Voice voice(Fields fields) throws Exception {
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
        String bad = Text.badCharacter(name);
        if (bad != null) {
            throw new ApiException(400, "Invalid 'voice': it holds " + bad + ".", "voice", "invalid_value");
        }
        java.util.Optional<Voice> named = voices.library().find(name);
        if (named.isPresent()) {
            return named.get();
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
            return new Voice(
                    "clone",
                    "a voice matched to the request's audio",
                    SpeechInputs.match(voices, audio, null, "voice").profile());
        } catch (ApiException e) {
            throw new ApiException(400, e.getMessage(), "voice", "invalid_value");
        }
    }

    private List<String> voiceNames() {
        List<String> names = new ArrayList<>(BuiltInVoices.OPENAI_NAMES.keySet());
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

    /** The models listed; {@code /v1/audio/speech} accepts any name. */
    static final List<String> MODELS = List.of("cantata", "tts-1", "tts-1-hd", "gpt-4o-mini-tts");

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
        for (String id : MODELS) {
            models.add(new Model(id, "model", created, "cantata"));
        }
        ctx.json(new ModelList("list", models));
    }

    @OpenApi(
            path = "/v1/models/{id}",
            methods = HttpMethod.GET,
            summary = "One model (OpenAI-compatible: client.models.retrieve); 404 in OpenAI's shape for an unknown id",
            tags = {"OpenAI"},
            pathParams = {@OpenApiParam(name = "id", required = true)},
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(from = Model.class)),
                @OpenApiResponse(status = "404")
            })
    void model(Context ctx) {
        String id = ctx.pathParam("id");
        if (!MODELS.contains(id)) {
            throw new ApiException(
                    404,
                    "The model '" + Text.echo(id) + "' does not exist; this server lists " + String.join(", ", MODELS)
                            + " (and /v1/audio/speech accepts any name)",
                    "model",
                    "model_not_found");
        }
        ctx.json(new Model(id, "model", clock.instant().getEpochSecond(), "cantata"));
    }

    /** One entry of {@code /v1/audio/models}. */
    public record AudioModel(String id, String name) {}

    /** {@code {"models": […]}}. */
    public record AudioModels(List<AudioModel> models) {}

    @OpenApi(
            path = "/v1/audio/models",
            methods = HttpMethod.GET,
            summary =
                    "Speech models as Open WebUI and openai-edge-tts-style servers list them: {\"models\": [{id, name}]}",
            tags = {"OpenAI"},
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = AudioModels.class))})
    void audioModels(Context ctx) {
        ctx.json(new AudioModels(
                MODELS.stream().map(id -> new AudioModel(id, id)).toList()));
    }

    /**
     * One voice a client may name: {@code id} to send, {@code name} to show, what it is, and the language it speaks
     * ({@code auto}: the text's, found per request). {@code kind} is Cantata's (Open WebUI reads id and name): {@code
     * openai}, {@code cantata} (built in), {@code orpheus} (FlashTTS's names), {@code language} (a voice of one
     * language) or {@code speaker} (added with {@code /add_speaker}, deletable).
     */
    public record VoiceEntry(String id, String name, String description, String language, String kind) {}

    /** {@code {"voices": […]}}. */
    public record VoiceList(List<VoiceEntry> voices) {}

    @OpenApi(
            path = "/v1/audio/voices",
            methods = HttpMethod.GET,
            summary = "Every voice name, as Open WebUI reads them: {\"voices\": [{id, name, description}]}",
            description =
                    "The 13 OpenAI names, Cantata's built-in voices, FlashTTS's Orpheus names, a voice per language"
                            + " (zh-female, zh-male, de, fr-fr…: they speak that language) and the speakers added with"
                            + " /add_speaker; each with its language (auto: the text's). Open WebUI, openai-edge-tts-style clients and Home Assistant's openai_tts read"
                            + " this shape; FlashTTS's own web page reads its names from /audio_roles, which lists strings."
                            + " Each entry's kind (Cantata's) says which of these it is: openai, cantata, orpheus, language or"
                            + " speaker.",
            tags = {"OpenAI", "FlashTTS"},
            responses = {@OpenApiResponse(status = "200", content = @OpenApiContent(from = VoiceList.class))})
    void voices(Context ctx) {
        List<VoiceEntry> entries = new ArrayList<>();
        BuiltInVoices.OPENAI_NAMES.forEach((alias, voice) -> entries.add(
                new VoiceEntry(alias, alias, "OpenAI's name for Cantata's " + voice + " voice", "auto", "openai")));
        for (Voice voice : BuiltInVoices.all()) {
            entries.add(
                    new VoiceEntry(voice.name(), voice.name(), voice.description(), voice.languageTag(), "cantata"));
        }
        BuiltInVoices.ORPHEUS_NAMES.forEach((alias, voice) -> entries.add(new VoiceEntry(
                alias, alias, "FlashTTS's Orpheus name for Cantata's " + voice + " voice", "auto", "orpheus")));
        for (Voice voice : voices.library().languageVoices().all()) {
            entries.add(
                    new VoiceEntry(voice.name(), voice.name(), voice.description(), voice.languageTag(), "language"));
        }
        for (SpeakerLibrary.AddedSpeaker speaker : voices.library().addedSpeakers()) {
            entries.add(new VoiceEntry(
                    speaker.name(), speaker.name(), speaker.voice().description(), "auto", "speaker"));
        }
        ctx.json(new VoiceList(entries));
    }
}
