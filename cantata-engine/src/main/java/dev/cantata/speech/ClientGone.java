package dev.cantata.speech;

/** The client a turn waited for left (hung up) before the turn came: nothing was synthesised for it. */
public final class ClientGone extends SpeechException {
    private static final long serialVersionUID = 1L;

    public ClientGone() {
        super("the client went away before its turn");
    }
}
