/** Digests of bytes and text, named in hex: cache keys, account ids, file checksums. */
@NullMarked
package dev.cantata.hash;

import org.jspecify.annotations.NullMarked;
