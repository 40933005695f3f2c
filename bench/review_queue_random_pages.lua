-- wrk script for bench/server_bench.sh: every request asks for a different page of the review
-- queue, its offset drawn at random from [0, QUEUE_TOTAL), so the server's page cache (256
-- pages) almost never holds the page asked for: this measures pages built from the store.
local total = tonumber(os.getenv("QUEUE_TOTAL") or "2000")
local limit = os.getenv("PAGE_LIMIT") or "50"
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function()
  local offset = math.random(0, total - 1)
  return wrk.format("GET", "/api/v1/links?limit=" .. limit .. "&offset=" .. offset)
end
