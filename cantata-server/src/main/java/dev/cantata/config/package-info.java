@NullMarked
package dev.cantata.config;

import org.jspecify.annotations.NullMarked;
