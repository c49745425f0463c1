@NullMarked
package dev.cantata;

import org.jspecify.annotations.NullMarked;
