@NullMarked
package dev.cantata.voices;

import org.jspecify.annotations.NullMarked;
