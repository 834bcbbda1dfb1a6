-- wrk script: sends the signed requests of a file written by signed.py, each thread its own share of the lines.
-- wrk -t T ... -s signed.lua URL -- FILE once|cycle T    once: a thread stops when its share is sent (each line once)
local count = 0
function setup(thread)
  thread:set("number", count)
  count = count + 1
end

local requests, next_request, mode = {}, 1, "cycle"
function init(args)
  mode = args[2] or "cycle"
  local of = tonumber(args[3] or "1")
  local line_number = 0
  for line in io.lines(args[1]) do
    if line_number % of == number then
      local path, header, value, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t(.*)$")
      table.insert(requests, wrk.format("POST", path,
        {["Content-Type"] = "application/json", [header] = value}, body))
    end
    line_number = line_number + 1
  end
end

function request()
  if next_request > #requests then
    if mode == "once" then wrk.thread:stop() end
    next_request = 1
  end
  local r = requests[next_request]
  next_request = next_request + 1
  return r
end
