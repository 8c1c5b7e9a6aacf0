-- Verify flipr:change_pass on pg

SELECT has_function_privilege('flipr.change_pass(text, text, text)', 'execute');
