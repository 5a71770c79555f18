-- End-to-end test of `aiprov lsp` in a real Neovim (0.7+), run headless by
-- run-editor-test.py:
--
--   nvim --headless -u NONE -n -i NONE -c 'luafile neovim.lua' </dev/null
--
-- Environment (set by the driver): AIPROV_E2E_SERVER (the aiprov binary),
-- AIPROV_E2E_ROOT (a private copy of examples/eval-repo), AIPROV_E2E_LOG
-- (the server's --log file). Results go to stdout (print() goes to stderr
-- in headless mode); any failure ends with `cquit 1`, success with `qall!`.
--
-- Everything is synchronised by polling (vim.wait) for the publish that
-- answers the buffer's current version, never by sleeping: a test that
-- only waited a while could pass on a stale publish.

local ROOT = assert(os.getenv('AIPROV_E2E_ROOT'), 'AIPROV_E2E_ROOT not set')
local SERVER = assert(os.getenv('AIPROV_E2E_SERVER'), 'AIPROV_E2E_SERVER not set')
local LOG = assert(os.getenv('AIPROV_E2E_LOG'), 'AIPROV_E2E_LOG not set')
local FILE = ROOT .. '/evals/tasks/arithmetic_task.cpp'
local TIMEOUT_MS = 10000

local function out(msg)
  io.stdout:write(msg .. '\n')
  io.stdout:flush()
end

-- Raised by check(); caught once in main so the message is printed before
-- Neovim exits non-zero.
local Failure = {}

local function fail(msg)
  error(setmetatable({ msg = msg }, Failure), 0)
end

local function check(cond, msg)
  if not cond then fail(msg) end
end

local function show(value)
  return vim.inspect(value, { newline = ' ', indent = '' })
end

-- What the server last published for FILE, as sent (the raw LSP payload:
-- codes, severities, ranges), and how many publishes have arrived.
local published = { count = 0, last = nil }
local apply_edits = {}    -- every workspace/applyEdit the server sent, and our answer
local executed = nil      -- the workspace/executeCommand reply {err, result}
local server_exit = nil   -- the server's exit code, once it has exited

local handlers = {
  ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
    if result and vim.uri_to_fname(result.uri) == FILE then
      published.count = published.count + 1
      published.last = result
    end
    return vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
  end,
  -- Neovim's own handler applies the edit; we only watch it happen.
  ['workspace/applyEdit'] = function(err, params, ctx, config)
    local answer = vim.lsp.handlers['workspace/applyEdit'](err, params, ctx, config)
    table.insert(apply_edits, { params = params, answer = answer })
    return answer
  end,
  ['workspace/executeCommand'] = function(err, result)
    executed = { err = err, result = result }
  end,
}

local bufnr, client_id

local function client()
  return vim.lsp.get_client_by_id(client_id)
end

local function lines()
  return vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
end

-- Waits for the server's publish for the buffer's current version: the
-- diagnostics of exactly the text we have now.
local function wait_for_current_publish(what)
  local ok = vim.wait(TIMEOUT_MS, function()
    local last = published.last
    return last ~= nil and last.version == vim.lsp.util.buf_versions[bufnr]
  end, 10)
  check(ok, string.format('%s: no publishDiagnostics for version %s within %d ms (last: %s)',
    what, tostring(vim.lsp.util.buf_versions[bufnr]), TIMEOUT_MS, show(published.last)))
  return published.last.diagnostics
end

-- The raw diagnostics with this code, sorted by line.
local function with_code(diags, code)
  local found = {}
  for _, d in ipairs(diags) do
    if d.code == code then table.insert(found, d) end
  end
  table.sort(found, function(a, b) return a.range.start.line < b.range.start.line end)
  return found
end

local function start_lines(diags)
  local result = {}
  for _, d in ipairs(diags) do table.insert(result, d.range.start.line) end
  return result
end

-- What Neovim itself shows (vim.diagnostic), not just what the server sent:
-- the error is on LINE with CODE and error severity.
local function check_shown(line, code, severity, what)
  for _, d in ipairs(vim.diagnostic.get(bufnr, { lnum = line })) do
    if d.code == code and d.severity == severity and d.source == 'aiprov' then return end
  end
  fail(string.format('%s: Neovim shows no %s diagnostic of severity %d on line %d; it shows %s',
    what, code, severity, line, show(vim.diagnostic.get(bufnr))))
end

local function check_list(actual, expected, what)
  check(vim.deep_equal(actual, expected),
    string.format('%s: expected %s, got %s', what, show(expected), show(actual)))
end

local ERROR = vim.diagnostic.severity.ERROR -- 1, as LSP's DiagnosticSeverity.Error

local function main()
  -- Every message in lsp.log (a private XDG_CACHE_HOME): on failure the
  -- driver prints its end, the didChange Neovim really sent included.
  vim.lsp.set_log_level('debug')
  -- Open the eval task as a user would; -u NONE has no filetype detection,
  -- and the languageId of didOpen comes from the filetype.
  vim.cmd('edit ' .. vim.fn.fnameescape(FILE))
  bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'cpp'
  local original = lines()
  check(#original == 20, 'the example file changed: expected 20 lines, got ' .. #original)

  client_id = vim.lsp.start_client({
    name = 'aiprov',
    cmd = { SERVER, 'lsp', '--log', LOG },
    root_dir = ROOT,
    handlers = handlers,
    -- Send every edit as its own didChange at once: the unknown-paste
    -- detection is about what ONE change inserted, and debouncing would
    -- merge the edits of different steps.
    flags = { debounce_text_changes = 0 },
    on_exit = function(code) server_exit = code end,
  })
  check(client_id ~= nil, 'vim.lsp.start_client failed')
  check(vim.lsp.buf_attach_client(bufnr, client_id), 'buf_attach_client failed')

  -- (1) Opening the file: the begin/end region of lines 11-16 is forbidden
  -- in evals/tasks/**, reported at its directive, line 10 (0-based).
  local diags = wait_for_current_publish('open')
  local forbidden = with_code(diags, 'aiprov-forbidden-region')
  check(#forbidden >= 1 and forbidden[1].range.start.line == 10,
    'open: expected aiprov-forbidden-region at line 10 first, got lines ' .. show(start_lines(forbidden)))
  check(forbidden[1].severity == 1 and forbidden[1].source == 'aiprov',
    'open: the forbidden-region diagnostic is not an aiprov error: ' .. show(forbidden[1]))
  check(forbidden[1].range.start.character == 2,
    'open: the diagnostic should start at the directive (character 2): ' .. show(forbidden[1].range))
  check(#with_code(diags, 'aiprov-unknown-paste') == 0, 'open: unexpected aiprov-unknown-paste: ' .. show(diags))
  check_shown(10, 'aiprov-forbidden-region', ERROR, 'open')
  local region_lines_before = start_lines(forbidden)
  out('ok 1 - open: aiprov-forbidden-region error at line 10')

  -- (2) A normal edit above the region, 2 lines in one change (fewer than
  -- paste-min-lines: 3, so not a paste): the finding moves to line 12.
  vim.api.nvim_buf_set_lines(bufnr, 1, 1, false, { '// A note typed by a human.', '// Another one.' })
  diags = wait_for_current_publish('edit above')
  forbidden = with_code(diags, 'aiprov-forbidden-region')
  local expected_lines = {}
  for i, l in ipairs(region_lines_before) do expected_lines[i] = l + 2 end
  check_list(start_lines(forbidden), expected_lines, 'edit above: aiprov-forbidden-region lines')
  check(forbidden[1].range.start.line == 12 and forbidden[1].severity == 1,
    'edit above: expected the error at line 12: ' .. show(forbidden[1]))
  check(#with_code(diags, 'aiprov-unknown-paste') == 0,
    'edit above: a 2-line edit was taken for a paste: ' .. show(diags))
  check_shown(12, 'aiprov-forbidden-region', ERROR, 'edit above')
  check(#vim.diagnostic.get(bufnr, { lnum = 10 }) == 0,
    'edit above: a diagnostic is still shown on line 10: ' .. show(vim.diagnostic.get(bufnr, { lnum = 10 })))
  out('ok 2 - edit above: the finding moved to line 12')

  -- (3) Paste 10 lines in ONE change (one nvim_buf_set_lines, as `p` of a
  -- 10-line register does) before `std::string Task::prompt`, now line 5.
  -- No aiprov/didPaste notice: the server must take it for an unknown
  -- paste and report it at once, at its first line, as an error
  -- (unknown-paste: error in evals/tasks/**).
  check(lines()[6] == 'std::string Task::prompt() const {', 'paste: line 5 is not Task::prompt: ' .. show(lines()[6]))
  local pasted = {
    'static int clampScore(int raw) {',
    '  int score = raw * 2;',
    '  score += 3;',
    '  score -= 1;',
    '  if (score > 10)',
    '    score = 10;',
    '  if (score < 0)',
    '    score = 0;',
    '  return score;',
    '} // clampScore',
  }
  vim.api.nvim_buf_set_lines(bufnr, 5, 5, false, pasted)
  diags = wait_for_current_publish('paste')
  local pastes = with_code(diags, 'aiprov-unknown-paste')
  check(#pastes == 1, 'paste: expected one aiprov-unknown-paste, got ' .. show(diags))
  check(pastes[1].range.start.line == 5 and pastes[1].severity == 1 and pastes[1].source == 'aiprov',
    'paste: expected an error at line 5 (the first pasted line): ' .. show(pastes[1]))
  check(pastes[1].range['end'].line >= 5 and pastes[1].range['end'].line <= 14,
    'paste: the diagnostic runs outside the pasted lines 5-14: ' .. show(pastes[1].range))
  check_shown(5, 'aiprov-unknown-paste', ERROR, 'paste')
  forbidden = with_code(diags, 'aiprov-forbidden-region')
  check(forbidden[1] and forbidden[1].range.start.line == 22,
    'paste: the forbidden region should now be at line 22: ' .. show(start_lines(forbidden)))

  -- The server's own view of the region (aiprov/regions): exactly the
  -- pasted lines, flagged as an unknown paste.
  local regions = client().request_sync('aiprov/regions',
    { textDocument = { uri = vim.uri_from_bufnr(bufnr) } }, TIMEOUT_MS, bufnr)
  check(regions and regions.result and not regions.err, 'paste: aiprov/regions failed: ' .. show(regions))
  local paste_region = nil
  for _, r in ipairs(regions.result.regions) do
    if r.unknownPaste then
      check(paste_region == nil, 'paste: two unknown-paste regions: ' .. show(regions.result.regions))
      paste_region = r
    end
  end
  check(paste_region and paste_region.range.start.line == 5 and paste_region.range['end'].line == 14
    and paste_region.source == 'ledger' and paste_region.lineCount == 10,
    'paste: expected a ledger region on lines 5-14: ' .. show(paste_region))
  out('ok 3 - paste: aiprov-unknown-paste error at the pasted lines 5-14')

  -- (4) The code action, through Neovim's own path: cursor on the region's
  -- directive, vim.lsp.buf.code_action() (it sends the line's diagnostics
  -- as context), vim.ui.select replaced by a pick by kind (titles are for
  -- people), and Neovim runs the command and applies the server's
  -- workspace/applyEdit itself.
  local before = lines()
  check(before[23] == '  // aiprov: begin tool=claude-code model=claude-sonnet-4 origin=agent'
    and before[28] == '  // aiprov: end',
    'action: lines 22-27 are not the begin/end region: ' .. show({ before[23], before[28] }))
  vim.api.nvim_win_set_cursor(0, { 23, 4 })
  local offered = nil
  vim.ui.select = function(items, _, on_choice)
    offered = {}
    local choice = nil
    for _, item in ipairs(items) do
      local action = item[2]
      table.insert(offered, action.kind or '?')
      if action.kind == 'quickfix.aiprov.delete' and action.command
          and action.command.command == 'aiprov.deleteRegion' then
        choice = item
      end
    end
    on_choice(choice)
  end
  vim.lsp.buf.code_action()
  check(vim.wait(TIMEOUT_MS, function() return offered ~= nil end, 10),
    'action: no code actions offered on line 22 (is codeActionProvider missing?)')
  check(vim.tbl_contains(offered, 'quickfix.aiprov.delete'),
    'action: quickfix.aiprov.delete (command aiprov.deleteRegion) not offered; offered: ' .. show(offered))
  check(vim.wait(TIMEOUT_MS, function() return executed ~= nil end, 10),
    'action: no reply to workspace/executeCommand within ' .. TIMEOUT_MS .. ' ms')
  check(executed.err == nil, 'action: workspace/executeCommand failed: ' .. show(executed.err))
  check(#apply_edits == 1 and apply_edits[1].answer.applied,
    'action: expected one applied workspace/applyEdit, got ' .. show(apply_edits))

  -- The 6 lines of the region (22-27) are gone, nothing else changed.
  local expected = {}
  for i, l in ipairs(before) do
    if i < 23 or i > 28 then table.insert(expected, l) end
  end
  check_list(lines(), expected, 'action: buffer after deleting the region')

  diags = wait_for_current_publish('action')
  forbidden = with_code(diags, 'aiprov-forbidden-region')
  expected_lines = {}
  for i = 2, #region_lines_before do expected_lines[i - 1] = region_lines_before[i] + 12 - 6 end
  check_list(start_lines(forbidden), expected_lines,
    'action: aiprov-forbidden-region lines after the delete (the deleted region must be gone)')
  check(#vim.diagnostic.get(bufnr, { lnum = 22 }) == 0,
    'action: a diagnostic is still shown on line 22: ' .. show(vim.diagnostic.get(bufnr, { lnum = 22 })))
  check_list(start_lines(with_code(diags, 'aiprov-unknown-paste')), { 5 },
    'action: the unknown paste must stay where it is')
  out('ok 4 - code action: quickfix.aiprov.delete removed lines 22-27 and their finding')

  -- Stop the server cleanly so it settles and closes its ledger before we
  -- exit; the driver then checks the ledger.
  client().stop()
  check(vim.wait(TIMEOUT_MS, function() return server_exit ~= nil end, 10),
    'the server did not exit after shutdown/exit')
  check(server_exit == 0, 'the server exited with status ' .. tostring(server_exit))
end

local ok, err = xpcall(main, function(e)
  if getmetatable(e) == Failure then return e.msg end
  return debug.traceback(tostring(e), 2)
end)
if ok then
  out('PASS neovim')
  vim.cmd('qall!')
else
  out('FAIL: ' .. tostring(err))
  vim.cmd('cquit 1')
end
