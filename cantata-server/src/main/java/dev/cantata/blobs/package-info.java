@NullMarked
package dev.cantata.blobs;

import org.jspecify.annotations.NullMarked;
