package dev.driftless.internal.sql;

import java.util.ArrayList;
import java.util.List;

/** {@code MetaArguments} splits the arguments of a psql meta-command. */
final class MetaArguments {

    /** {@code ShellCommandException} is a backquoted shell command in the arguments, which needs psql itself. */
    static final class ShellCommandException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ShellCommandException() {
            super("backquoted shell command", null, false, false);
        }
    }

    private MetaArguments() {
    }

    /**
     * Splits meta-command arguments like psql: whitespace-separated; {@code 'quoted'} with {@code ''} and backslash
     * escapes; {@code "double quoted"} kept with its quotes; {@code :var} interpolated.
     *
     * @param argText the text after the command name
     * @param variables the variables to interpolate
     * @return the arguments
     * @throws ShellCommandException for a backquoted shell command
     */
    static List<String> split(String argText, Variables variables) {
        List<String> args = new ArrayList<>();
        int i = 0;
        int n = argText.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(argText.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            StringBuilder arg = new StringBuilder();
            while (i < n && !Character.isWhitespace(argText.charAt(i))) {
                char c = argText.charAt(i);
                if (c == '\'') {
                    i++;
                    while (i < n) {
                        char d = argText.charAt(i);
                        if (d == '\'' && i + 1 < n && argText.charAt(i + 1) == '\'') {
                            arg.append('\'');
                            i += 2;
                        } else if (d == '\'') {
                            i++;
                            break;
                        } else if (d == '\\' && i + 1 < n) {
                            char e = argText.charAt(i + 1);
                            arg.append(switch (e) {
                                case 'n' -> '\n';
                                case 't' -> '\t';
                                case 'r' -> '\r';
                                case 'b' -> '\b';
                                case 'f' -> '\f';
                                default -> e;
                            });
                            i += 2;
                        } else {
                            arg.append(d);
                            i++;
                        }
                    }
                } else if (c == '"') {
                    int close = argText.indexOf('"', i + 1);
                    int end = close < 0 ? n : close + 1;
                    arg.append(argText, i, end);
                    i = end;
                } else if (c == '`') {
                    throw new ShellCommandException();
                } else if (c == ':' && i + 1 < n && argText.charAt(i + 1) != ':') {
                    int[] span = new int[1];
                    String value = variables.valueAt(argText, i, n, span);
                    if (value != null) {
                        arg.append(value);
                        i = span[0];
                    } else {
                        arg.append(c);
                        i++;
                    }
                } else {
                    arg.append(c);
                    i++;
                }
            }
            args.add(arg.toString());
        }
        return args;
    }
}
