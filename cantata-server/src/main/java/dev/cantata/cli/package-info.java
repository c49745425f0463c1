@NullMarked
package dev.cantata.cli;

import org.jspecify.annotations.NullMarked;
