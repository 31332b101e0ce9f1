package facts

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

// verifyRecord is one line of input to testdata/verify_facts.py.
type verifyRecord struct {
	Value  string `json:"value"`
	Approx bool   `json:"approx,omitempty"`
	Facts  Facts  `json:"facts"`
}

func TestComputeMatchesIndependentCheck(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found; the independent check needs it")
	}

	var input bytes.Buffer
	encoder := json.NewEncoder(&input)
	for _, item := range verificationBatch() {
		record := verifyRecord{Value: item.value.RatString(), Facts: computeWithin(item.budget, item.value)}
		if err := encoder.Encode(record); err != nil {
			t.Fatalf("encode facts of %s: %v", record.Value, err)
		}
	}

	for _, text := range []string{"1.4142135623730951", "-2.5e-7", "0.000", "+3.0e2", "\u22121.25"} {
		record := verifyRecord{Value: text, Approx: true, Facts: Compute(t.Context(), text, nil)}
		if err := encoder.Encode(record); err != nil {
			t.Fatalf("encode facts of %s: %v", text, err)
		}
	}

	cmd := exec.Command(python, "testdata/verify_facts.py")
	cmd.Stdin = &input
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("verify_facts.py failed: %v\n%s", err, stderr.String())
	}

	t.Log(strings.TrimSpace(stderr.String()))
	if mismatches := strings.TrimSpace(stdout.String()); mismatches != "" {
		t.Errorf("facts that the independent check rejects:\n%s", mismatches)
	}
}
