package model

import (
	"slices"
	"testing"
)

func TestFormatColumn(t *testing.T) {
	tests := []struct {
		name   string
		values []float64
		most   int
		want   []string
	}{
		{"whole numbers stay whole", []float64{486, 165, 72}, 2, []string{"486", "165", "72"}},
		{"one fraction gives every number its decimals", []float64{0.25, 0.1, 0.05}, 2, []string{"0.25", "0.10", "0.05"}},
		{"a budget beside whole minutes", []float64{525.6, 87, 15}, 2, []string{"525.6", "87.0", "15.0"}},
		{"no more decimals than most", []float64{4.056, 12}, 2, []string{"4.06", "12.00"}},
		{"rounded like FormatNumber", []float64{52.56, 13.14}, 1, []string{"52.6", "13.1"}},
		{"a tiny share of a minute", []float64{0.0004, 1}, 2, []string{"0.00", "1.00"}},
		{"nothing", nil, 2, []string{}},
	}
	for _, tt := range tests {
		if got := FormatColumn(tt.values, tt.most); !slices.Equal(got, tt.want) {
			t.Errorf("%s: FormatColumn(%v, %d) = %q, want %q", tt.name, tt.values, tt.most, got, tt.want)
		}
	}
}
