@NullMarked
package dev.cantata.speech;

import org.jspecify.annotations.NullMarked;
