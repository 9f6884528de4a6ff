-- Headless Neovim (0.7+) as an LSP client of FactDesk: starts `node dist/server.js --stdio`, attaches it
-- to a draft, waits for diagnostics and writes them, with a hover, as JSON to FACTDESK_OUT.
local server = os.getenv('FACTDESK_SERVER')
local draft = os.getenv('FACTDESK_DRAFT')
local root = os.getenv('FACTDESK_ROOT')
local out = os.getenv('FACTDESK_OUT')
local node = os.getenv('FACTDESK_NODE') or 'node'

local function finish(result)
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(draft))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'markdown'
  local client_id = vim.lsp.start_client({
    name = 'factdesk',
    cmd = { node, server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'ws' } },
    settings = { factdesk = { debounceMs = 50 } },
  })
  assert(client_id, 'start_client failed')
  vim.lsp.buf_attach_client(buf, client_id)
  local got = vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 100)
  local diags = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(diags, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source,
      code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or d.code,
    })
  end
  -- A hover over the first diagnostic, through the client's request API.
  local hover = nil
  if diags[1] then
    local client = vim.lsp.get_client_by_id(client_id)
    local resp = client.request_sync('textDocument/hover', {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      position = { line = diags[1].lnum, character = diags[1].col },
    }, 10000, buf)
    if resp and resp.result then hover = resp.result.contents.value end
  end
  finish({ waited = got, diagnostics = diags, hover = hover, nvim = tostring(vim.version().major) .. '.' .. tostring(vim.version().minor) })
end)
if not ok then finish({ error = tostring(err) }) end
