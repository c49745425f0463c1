@NullMarked
package dev.cantata.http.flashtts;

import org.jspecify.annotations.NullMarked;
