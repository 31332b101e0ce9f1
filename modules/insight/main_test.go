package insight

import (
	"os"
	"testing"

	"emma/modules/pgserver/pgtest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
