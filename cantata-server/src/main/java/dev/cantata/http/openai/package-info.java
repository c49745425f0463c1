@NullMarked
package dev.cantata.http.openai;

import org.jspecify.annotations.NullMarked;
