@NullMarked
package dev.cantata.http;

import org.jspecify.annotations.NullMarked;
