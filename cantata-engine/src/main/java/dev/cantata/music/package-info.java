@NullMarked
package dev.cantata.music;

import org.jspecify.annotations.NullMarked;
