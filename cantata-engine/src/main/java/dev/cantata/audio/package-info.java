@NullMarked
package dev.cantata.audio;

import org.jspecify.annotations.NullMarked;
